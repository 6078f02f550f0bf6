package org.sangdam.prompt.domain;

import org.sangdam.common.domain.ValidationException;
import org.sangdam.media.domain.Wav;
import org.sangdam.scenario.domain.Names;

import java.util.Set;

/**
 * Rules of the prompt store (R1.3): names are scenario prompt names, the built-in names are
 * reserved, and an upload must be a WAV the media engine can play.
 */
public final class PromptRules {
    /**
     * Prompts the server ships or refers to by default: {@code default-moh} (the music on hold in
     * sip-servlet's resources), {@code default-greeting} (the default scenario's greeting),
     * {@code default-closed} (out of hours), {@code default-please-wait} (nobody free yet),
     * {@code default-call-later} (nobody free for too long, the call ends) and
     * {@code default-abusive} (the demo's abusive-call announcement).
     */
    public static final Set<String> BUILT_IN = Set.of("default-moh", "default-greeting", "default-closed", "default-please-wait",
            "default-call-later", "default-abusive");

    private PromptRules() {
    }

    /** the name of a new upload: a prompt name, not a built-in one */
    public static String newName(String name) {
        Names.prompt("name", name);
        if (BUILT_IN.contains(name)) {
            throw new ValidationException("name", "'" + name + "' is a built-in prompt; choose another name");
        }
        return name;
    }

    /** the upload decoded to 8 kHz mono samples, or a refusal on field {@code file} saying why */
    public static short[] decode(byte[] wav) {
        if (wav == null || wav.length == 0) {
            throw new ValidationException("file", "no file was sent");
        }
        try {
            return Wav.decode(wav);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("file", e.getMessage());
        }
    }

    public static long durationMillis(short[] samples) {
        return samples.length * 1000L / Wav.RATE;
    }
}
