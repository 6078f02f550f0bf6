package org.sangdam.agent;

import java.util.List;

/** The supervisors' view of a service's agents (R2.3): its administrators and system administrators only. */
public interface AgentBoardService {
    /** the service's CTI agents and their current status; another service's is not found */
    List<AgentBoardRow> board(long serviceId);
}
