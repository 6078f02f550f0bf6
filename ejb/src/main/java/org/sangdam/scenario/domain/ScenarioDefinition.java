package org.sangdam.scenario.domain;

import java.time.Instant;

/**
 * A DID's inbound flow before an agent (the "scenario step" of R2.6). Everything but the
 * queue music is optional: no greeting, no menu (the call queues at once in
 * {@code queue}), no hours (always open), no no-agent rule (callers keep waiting).
 *
 * @param queue       the queue of a call when there is no menu; {@code null} = the service's general queue
 * @param queueMusic  what a queued caller hears, also through recalls (R2.6)
 */
public record ScenarioDefinition(String greeting, Menu menu, BusinessHours hours, String queue, String queueMusic,
                                 NoAgentRule noAgent) {
    public static final String DEFAULT_MUSIC = "default-moh";

    public ScenarioDefinition {
        greeting = Names.optionalPrompt("greeting", greeting);
        queue = queue == null ? null : Names.queue("queue.name", queue);
        queueMusic = queueMusic == null ? DEFAULT_MUSIC : Names.prompt("queue.music", queueMusic);
        noAgent = noAgent == null ? NoAgentRule.KEEP_WAITING : noAgent;
    }

    /** Plain: no greeting, no menu, always open, the default music. */
    public static ScenarioDefinition plain() {
        return new ScenarioDefinition(null, null, null, null, DEFAULT_MUSIC, null);
    }

    public boolean isOpen(Instant at) {
        return hours == null || hours.isOpen(at);
    }

    /** Starts a caller's way through this scenario. */
    public ScenarioRun start(Instant arrivedAt) {
        return new ScenarioRun(this, arrivedAt);
    }
}
