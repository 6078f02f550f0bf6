package org.sangdam.media;

/**
 * Audio to play to a leg: 8 kHz mono 16-bit linear PCM, decoded and converted once
 * at load time (see {@code Prompts}), encoded per leg to its negotiated codec.
 */
public interface Prompt {
    String name();

    /** 8 kHz mono samples; must not be modified. */
    short[] samples();
}
