package org.sangdam.routing.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The safety net behind routing messages that are sent after commit and not persistent:
 * a request lost on its way, or a routing run that failed, leaves a call waiting while an
 * agent is Ready, or an offer ringing past its deadline. Every few seconds the sweep picks
 * the services to route again and the offers to recall again (a few seconds late, so a
 * recall on its way is not doubled).
 */
public final class RoutingSweep {
    private RoutingSweep() {
    }

    /** services with a call waiting unoffered and a Ready agent, in service order */
    public static List<Long> servicesToRoute(Map<Long, Long> waitingUnofferedByService, Map<Long, Long> readyByService) {
        TreeSet<Long> out = new TreeSet<>();
        waitingUnofferedByService.forEach((service, waiting) -> {
            if (new RoutingDemand(waiting, readyByService.getOrDefault(service, 0L)).canOffer()) {
                out.add(service);
            }
        });
        return List.copyOf(out);
    }

    /** the recalls and ring-outs whose deadline passed more than {@code grace} before {@code now} */
    public static List<RoutingRequest> overdue(List<RoutingRequest> timed, Instant now, Duration grace) {
        Instant cutoff = now.minus(grace);
        return timed.stream().filter(r -> r.kind() != RoutingRequest.Kind.ROUTE && r.deadline().isBefore(cutoff)).toList();
    }
}
