package org.sangdam.scenario.domain;

/** What the phone network does next for a caller in the scenario; the SIP layer carries it out. */
public sealed interface ScenarioStep {
    /** Play a prompt to the caller; report {@link ScenarioRun#promptEnded(java.time.Instant)} when it has been played. */
    record Play(String prompt) implements ScenarioStep {
    }

    /** Play the menu prompt and wait for one digit; report a digit or {@link ScenarioRun#digitTimedOut(java.time.Instant)}. */
    record AskDigit(String prompt, int timeoutSeconds) implements ScenarioStep {
    }

    /**
     * Put the caller in the queue (the core offers the call to agents) with music playing;
     * report {@link ScenarioRun#waitedWithoutAgent(java.time.Instant)} after {@code checkAfterSeconds}
     * if still not answered (0 = never).
     */
    record Enqueue(String queue, String music, int checkAfterSeconds) implements ScenarioStep {
    }

    /**
     * A prompt to a queued caller, who stays queued; report {@link ScenarioRun#promptEnded(java.time.Instant)}
     * when it has been played (the run then answers {@link QueueMusic}).
     */
    record Announce(String prompt) implements ScenarioStep {
    }

    /**
     * Back to the queue music for a caller who is still queued (after an announcement, or when
     * the call came back to the queue because the agent's phone did not take it): nothing changes
     * in the queue itself; report {@link ScenarioRun#waitedWithoutAgent(java.time.Instant)} after
     * {@code checkAfterSeconds} if still not answered (0 = never).
     */
    record QueueMusic(String music, int checkAfterSeconds) implements ScenarioStep {
    }

    /** Play a prompt, then end the call politely ({@code reason} for the call record). */
    record PlayAndHangUp(String prompt, String reason) implements ScenarioStep {
    }

    /** Nothing to do now. */
    record Wait() implements ScenarioStep {
    }
}
