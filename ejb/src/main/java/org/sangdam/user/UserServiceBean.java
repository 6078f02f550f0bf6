package org.sangdam.user;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Local;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.sangdam.access.Callers;
import org.sangdam.access.domain.Caller;
import org.sangdam.audit.AuditTrail;
import org.sangdam.common.domain.ConflictException;
import org.sangdam.common.domain.NotFoundException;
import org.sangdam.common.domain.Require;
import org.sangdam.common.domain.ValidationException;
import org.sangdam.cti.CtiRepository;
import org.sangdam.tenant.TenantRepository;
import org.sangdam.user.domain.Role;

import java.util.List;

@Stateless
@Local(UserService.class)
@RolesAllowed({"SYSTEM_ADMIN", "SERVICE_ADMIN", "AGENT"})
public class UserServiceBean implements UserService {
    @Resource
    SessionContext context;
    @Inject
    Callers callers;
    @Inject
    AuditTrail audit;
    @Inject
    UserRepository users;
    @Inject
    TenantRepository tenants;
    @Inject
    CtiRepository cti;

    @Override
    public UserInfo me() {
        User user = users.findByUsername(callers.of(context).username()).orElseThrow();
        return info(user);
    }

    @Override
    public List<UserInfo> list(long tenantId) {
        callers.of(context).requireTenant(tenantId, "service", tenantId);
        existingTenant(tenantId);
        return users.ofTenant(tenantId).stream().map(this::info).toList();
    }

    @Override
    public UserInfo get(long tenantId, long userId) {
        callers.of(context).requireTenant(tenantId, "user", userId);
        return info(user(tenantId, userId));
    }

    @Override
    public UserInfo create(long tenantId, UserSpec spec) {
        Caller caller = callers.of(context);
        caller.requireTenantAdmin(tenantId, "user", "of service " + tenantId);
        existingTenant(tenantId);
        Require.present("body", spec);
        String username = UserRules.username(spec.username());
        String displayName = Require.text("displayName", spec.displayName(), 100);
        String password = UserRules.password("password", spec.password(), UserRules.MIN_PASSWORD);
        Role role = spec.role() == null ? Role.AGENT : spec.role();
        if (role == Role.SYSTEM_ADMIN) {
            throw new ValidationException("role", "a service's users are agents or service administrators");
        }
        if (users.findByUsername(username).isPresent()) {
            throw new ConflictException("username", "the username '" + username + "' is taken");
        }
        User user = new User(username, displayName, PasswordHasher.hash(password), role, tenantId);
        user.setPhonePermission(Boolean.TRUE.equals(spec.phonePermission()));
        UserInfo created = info(users.add(user));
        audit.record(caller, tenantId, "user.created", username, "role=" + role + ", phonePermission=" + user.hasPhonePermission());
        return created;
    }

    @Override
    public UserInfo update(long tenantId, long userId, UserUpdate update) {
        Caller caller = callers.of(context);
        caller.requireTenantAdmin(tenantId, "user", userId);
        User user = user(tenantId, userId);
        Require.present("body", update);
        String displayName = update.displayName() == null ? null : Require.text("displayName", update.displayName(), 100);
        if (Boolean.FALSE.equals(update.active()) && user.getUsername().equals(caller.username())) {
            throw new ConflictException("active", "you cannot deactivate yourself");
        }
        if (displayName != null) {
            user.setDisplayName(displayName);
        }
        if (update.active() != null) {
            user.setActive(update.active());
        }
        if (update.phonePermission() != null) {
            if (update.phonePermission() && user.getRole() != Role.AGENT) {
                throw new ValidationException("phonePermission", "only agents take phone calls");
            }
            user.setPhonePermission(update.phonePermission());
        }
        audit.record(caller, tenantId, "user.changed", user.getUsername(), changes(displayName, update));
        return info(user);
    }

    @Override
    public void resetPassword(long tenantId, long userId, String password) {
        Caller caller = callers.of(context);
        caller.requireTenantAdmin(tenantId, "user", userId);
        User user = user(tenantId, userId);
        user.changePassword(PasswordHasher.hash(UserRules.password("password", password, UserRules.MIN_PASSWORD)), false);
        audit.record(caller, tenantId, "user.passwordReset", user.getUsername(), null);
    }

    private static String changes(String displayName, UserUpdate update) {
        StringBuilder s = new StringBuilder();
        if (displayName != null) {
            s.append("displayName=").append(displayName).append(' ');
        }
        if (update.active() != null) {
            s.append("active=").append(update.active()).append(' ');
        }
        if (update.phonePermission() != null) {
            s.append("phonePermission=").append(update.phonePermission());
        }
        return s.toString().strip();
    }

    private User user(long tenantId, long userId) {
        return users.find(userId).filter(u -> u.getTenantId() != null && u.getTenantId() == tenantId)
                .orElseThrow(() -> new NotFoundException("user", userId));
    }

    private void existingTenant(long tenantId) {
        tenants.find(tenantId).orElseThrow(() -> new NotFoundException("service", tenantId));
    }

    private UserInfo info(User u) {
        return UserInfo.of(u, cti.agent(u.getId()).orElse(null));
    }
}
