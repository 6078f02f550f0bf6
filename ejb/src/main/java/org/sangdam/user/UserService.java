package org.sangdam.user;

import java.util.List;

/** Users of a service and the phone permission (R1.2). */
public interface UserService {
    UserInfo me();

    List<UserInfo> list(long tenantId);

    UserInfo get(long tenantId, long userId);

    UserInfo create(long tenantId, UserSpec spec);

    UserInfo update(long tenantId, long userId, UserUpdate update);

    void resetPassword(long tenantId, long userId, String password);
}
