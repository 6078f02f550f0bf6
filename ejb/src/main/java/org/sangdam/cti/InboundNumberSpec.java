package org.sangdam.cti;

/** A DID to route: to a service and one of its scenarios, optionally tied to the trunk it arrives on. */
public record InboundNumberSpec(String number, Long serviceId, Long scenarioId, Long trunkId) {
}
