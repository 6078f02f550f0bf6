package org.sangdam.bench.server;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.sangdam.agent.CtiService;
import org.sangdam.agent.StatusChoice;

/**
 * One handled call as the calling agent does it in the widget: Answer, Hang up, Ready
 * (R2.4, R4.1, R4.3), through the product's {@link CtiService}. Called under the
 * agent's own identity.
 */
@Stateless
@PermitAll
public class AgentShift {
    static final StatusChoice READY = new StatusChoice("READY", null);

    @EJB
    CtiService cti;

    /** three clicks, three transactions (each takes the service's CTI lock), as from the console */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void handleCall() {
        cti.answer();
        cti.hangUp();
        cti.chooseStatus(READY);
    }

    /** the same three actions in one transaction: a cheaper way to recycle the agent */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void handleCallInOneTransaction() {
        cti.answer();
        cti.hangUp();
        cti.chooseStatus(READY);
    }

    /** after a refused action: back to Ready if the agent was left in Work or after-call work */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public String recover() {
        String state = cti.state().state();
        if (state.equals("WORK") || state.equals("AFTER_CALL_WORK") || state.equals("BREAK")) {
            cti.chooseStatus(READY);
        }
        return state;
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public String login() {
        return cti.login().state();
    }
}
