package org.sangdam.routing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.sangdam.agent.AgentSession;
import org.sangdam.agent.domain.AgentState;
import org.sangdam.call.CallFlow;
import org.sangdam.call.PhoneCall;
import org.sangdam.cti.CtiRepository;
import org.sangdam.cti.CtiSettings;
import org.sangdam.routing.domain.RoutingRequest;

import java.util.List;
import java.util.Optional;

/**
 * The recalls and consultation ring-outs the database says are due, rebuilt from the rows
 * (the messages are not persistent): an offer rings until its deadline; a consultation of
 * an agent of the service (issue 7) rings the service's recall time from when the consulted
 * agent started ringing.
 */
@ApplicationScoped
public class RoutingDeadlines {
    @Inject
    CallFlow flow;
    @Inject
    CtiRepository cti;

    public List<RoutingRequest> recalls(List<PhoneCall> offered) {
        return offered.stream().filter(c -> c.getOfferedTo() != null && c.getOfferDeadline() != null)
                .map(c -> RoutingRequest.recall(c.getTenantId(), c.getId(), c.getOfferDeadline())).toList();
    }

    /** {@code consultDialing}: calls in state CONSULT_DIALING; those ringing an agent of the service */
    public List<RoutingRequest> consultRingOuts(List<PhoneCall> consultDialing) {
        return consultDialing.stream().flatMap(c -> ringOut(c).stream()).toList();
    }

    private Optional<RoutingRequest> ringOut(PhoneCall c) {
        AgentSession consulted = flow.consulted(c).orElse(null);
        if (consulted == null || !AgentState.OFFERED.name().equals(consulted.getState())) {
            return Optional.empty(); // an outside number: the phone network ends it, no ring-out
        }
        int recall = cti.settings(c.getTenantId()).map(CtiSettings::getRecallSeconds).orElse(CtiSettings.DEFAULT_RECALL_SECONDS);
        return Optional.of(RoutingRequest.consultRingOut(c.getTenantId(), c.getId(), consulted.getSince().plusSeconds(recall)));
    }
}
