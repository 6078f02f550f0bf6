package org.sangdam.call.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Call recording rules (issue 7 part 5). A recording lives in
 * {@code service-<id>/call-<id>.wav} under the recordings directory, one file per call. It is deleted once its
 * call ended more than the service's retention days before the cleanup runs, except
 * when it is kept as evidence (abusive-call termination), which no retention deletes.
 * A call still running is never deleted.
 */
public final class RecordingRules {
    public static final int MIN_RETENTION_DAYS = 1;
    public static final int MAX_RETENTION_DAYS = 3650;

    private RecordingRules() {
    }

    /** the recording's path relative to the recordings directory */
    public static String file(long serviceId, long callId) {
        return "service-" + serviceId + "/call-" + callId + ".wav";
    }

    public static boolean expired(Instant endedAt, boolean keptAsEvidence, int retentionDays, Instant now) {
        if (keptAsEvidence || endedAt == null) {
            return false;
        }
        return endedAt.plus(Duration.ofDays(retentionDays)).isBefore(now);
    }
}
