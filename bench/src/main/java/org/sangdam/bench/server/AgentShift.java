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

    /**
     * After a refused action (the offer rang out first): bring the agent back to Ready.
     * Returns the state found; OFFERED means the recall has not run yet: try again later.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public String recover() {
        String state = cti.state().state();
        switch (state) {
            case "ON_CALL", "ON_HOLD" -> {
                cti.hangUp();
                cti.chooseStatus(READY);
            }
            case "WORK", "AFTER_CALL_WORK", "BREAK" -> cti.chooseStatus(READY);
            default -> {
            }
        }
        return state;
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public String login() {
        return cti.login().state();
    }
}
