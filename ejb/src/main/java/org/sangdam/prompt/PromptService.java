package org.sangdam.prompt;

import java.util.List;

/**
 * A service's uploaded prompts (R1.3: music on hold and announcements). System administrators
 * upload and delete; the service's members list and listen. Uploads are WAV files the media
 * engine can play (see {@link org.sangdam.media.domain.Wav}), stored converted to 8 kHz mono.
 */
public interface PromptService {
    /** the largest upload accepted, in bytes (a 30-minute 48 kHz stereo WAV would be bigger: convert it first) */
    int MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

    List<PromptInfo> list(long tenantId);

    /** @throws org.sangdam.common.domain.ValidationException on {@code name}, {@code kind} or {@code file} (with the decoder's reason) */
    PromptInfo upload(long tenantId, String name, String kind, byte[] wav);

    /** Refused (conflict) while the service's CTI settings use it. */
    void delete(long tenantId, String name);

    /** the prompt as a 8 kHz mono 16-bit PCM WAV file, to listen to */
    byte[] wav(long tenantId, String name);
}
