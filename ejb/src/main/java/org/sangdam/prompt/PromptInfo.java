package org.sangdam.prompt;

import java.time.Instant;

/** An uploaded prompt as lists show it (its audio is fetched separately). */
public record PromptInfo(String name, StoredPrompt.Kind kind, long durationMillis, String uploadedBy, Instant uploadedAt) {
    static PromptInfo of(PromptRepository.Summary s) {
        return new PromptInfo(s.name(), s.kind(), s.durationMillis(), s.uploadedBy(), s.uploadedAt());
    }

    static PromptInfo of(StoredPrompt p) {
        return new PromptInfo(p.getName(), p.getKind(), p.getDurationMillis(), p.getUploadedBy(), p.getUploadedAt());
    }
}
