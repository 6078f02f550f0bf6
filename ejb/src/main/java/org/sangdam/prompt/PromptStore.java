package org.sangdam.prompt;

import java.util.Optional;

/**
 * The audio of a service's uploaded prompt, for the SIP layer to play: 8 kHz mono 16-bit
 * samples (what {@code org.sangdam.media.Prompts.of(name, samples)} takes). No caller check:
 * the telephony layer calls it for the service a call belongs to. Empty for unknown names
 * (built-in names are the media engine's own).
 */
public interface PromptStore {
    Optional<short[]> samples(long tenantId, String name);

    /** an uploaded prompt or a built-in one */
    boolean exists(long tenantId, String name);
}
