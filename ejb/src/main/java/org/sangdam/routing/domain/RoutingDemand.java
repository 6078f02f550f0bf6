package org.sangdam.routing.domain;

/**
 * Whether a routing request can lead to an offer, judged from a look at the service
 * without its CTI lock: a call waiting unoffered and a Ready agent are both needed.
 * Without one of them the request is dropped and the lock is never taken, which is
 * safe because every change that makes a call wait or an agent Ready sends its own
 * routing request in its transaction, delivered only after that transaction commits:
 * a request seeing nothing to do is redundant with a later one. Bursts of requests
 * (one per arrival and per agent back to Ready) then cost a routing pass only while
 * there is work, and one pass offers every waiting call it can ({@link CallQueue#route}).
 */
public record RoutingDemand(long waitingUnoffered, long readyAgents) {
    public RoutingDemand {
        if (waitingUnoffered < 0 || readyAgents < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }

    /** worth taking the service's lock and routing */
    public boolean canOffer() {
        return waitingUnoffered > 0 && readyAgents > 0;
    }
}
