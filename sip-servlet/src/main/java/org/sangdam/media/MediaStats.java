package org.sangdam.media;

/**
 * Counters of the media engine since start: packets received on every leg, relayed to the bridged
 * leg, and dropped (from an unexpected source, not RTP, or the send failed); then the same by the
 * leg they arrived on: customers' legs (opened with a label starting "customer", the trunk side)
 * and the others (agents' phones, consultations). Packets that arrive while the leg is not bridged
 * (queue music, hold) are received but neither relayed nor dropped.
 */
public record MediaStats(int openLegs, long packetsReceived, long packetsRelayed, long packetsDropped,
                         Direction fromCustomerLegs, Direction fromOtherLegs) {

    /** The counters of packets that arrived on one kind of leg. */
    public record Direction(long received, long relayed, long dropped) {
    }
}
