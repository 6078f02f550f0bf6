package org.sangdam.agent;

import java.util.List;

/**
 * The phone widget's actions for the logged-in agent (R2-R4). Each returns the
 * agent's new view; an action the current status does not allow is refused with
 * the reason and changes nothing.
 */
public interface CtiService {
    AgentView state();

    AgentView login();

    AgentView logout();

    AgentView chooseStatus(StatusChoice choice);

    AgentView answer();

    AgentView dial(DialRequest request);

    AgentView hold();

    AgentView release();

    AgentView consult(ConsultRequest request);

    AgentView connectCustomer();

    AgentView cancelConsult();

    AgentView abusiveTermination();

    AgentView hangUp();

    List<ReadyAgent> readyAgents();
}
