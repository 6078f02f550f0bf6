package org.sangdam.cti;

import java.util.List;

/** CTI agent management (전체 관리 → CTI 관리 → CTI 상담원 관리, R1.4). */
public interface CtiAgentService {
    List<CtiAgentInfo> list(long tenantId);

    CtiAgentInfo get(long tenantId, long userId);

    CtiAgentInfo assign(long tenantId, long userId, CtiAssignment assignment);

    void unassign(long tenantId, long userId);

    AgentQueues queues(long tenantId, long userId);

    /** Sets the queues a CTI agent answers (service or system administrators). */
    AgentQueues setQueues(long tenantId, long userId, AgentQueues queues);
}
