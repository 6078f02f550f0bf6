package org.sangdam.callerid;

import java.util.List;

/**
 * Caller IDs (서비스 관리 → 전화 → 발신번호 관리, R1.5): a service registers numbers,
 * a system administrator approves, rejects or revokes them, and only approved ones
 * can ever be dialled with.
 */
public interface CallerIdService {
    List<CallerIdInfo> list(long tenantId);

    /** every service's pending registrations: the system administrator's review queue */
    List<CallerIdInfo> pending();

    CallerIdInfo register(long tenantId, CallerIdRequest request);

    CallerIdInfo approve(long tenantId, long id);

    CallerIdInfo reject(long tenantId, long id, CallerIdRequest request);

    CallerIdInfo revoke(long tenantId, long id, CallerIdRequest request);

    /** what an agent of the service may pick in the dial dialog: approved numbers only */
    List<CallerIdInfo> dialable(long tenantId);
}
