package org.sangdam.call;

import org.sangdam.scenario.domain.ScenarioDefinition;

/**
 * A customer's call has arrived at a DID (R2.4): its id, and the DID's scenario for the
 * phone network to run (greeting, menu, hours) before it puts the call in a queue with
 * {@link CallControl#enterQueue(long, String)}; {@code tenantId} is the service the DID
 * belongs to (whose uploaded prompts the scenario plays); {@code recallSeconds} is the
 * service's recall time, also how long an answered call may ring the agent's phone before it
 * goes back to the queue.
 */
public record CallArrival(long callId, long tenantId, ScenarioDefinition scenario, int recallSeconds) {
}
