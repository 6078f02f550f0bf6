package org.sangdam.telephony;

/**
 * What {@code GET /api/system/media} reports (issue 5, system administrators): the RTP engine's
 * counters since it started. {@code running} is false while no call has needed media yet (or no
 * SIP layer is deployed); the counts are then 0. By direction: packets that arrived on customers'
 * legs (the trunk side, on their way to agents) and on the other legs (agents' phones,
 * consultations). Packets that arrive while their leg is not bridged are received, not relayed.
 */
public record MediaCounters(boolean running, int openLegs, long packetsReceived, long packetsRelayed, long packetsDropped,
                            Direction fromCustomers, Direction fromOthers) {

    public record Direction(long received, long relayed, long dropped) {
        public static final Direction NONE = new Direction(0, 0, 0);
    }

    public static final MediaCounters NOT_RUNNING = new MediaCounters(false, 0, 0, 0, 0, Direction.NONE, Direction.NONE);
}
