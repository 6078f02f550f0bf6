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
    /**
     * How long after a call's end its WAV may still be being written (the SIP layer writes it
     * off the call's threads once the media close; minutes of call take well under a second).
     * Past it, a missing file is gone for good (the write failed), not late.
     */
    public static final Duration WRITE_GRACE = Duration.ofMinutes(2);

    /** What a user asking for a call's recording gets. */
    public enum Availability {
        /** the WAV is there: download it */
        READY,
        /** the call is still going on, or has just ended and its WAV is being written: ask again */
        NOT_READY,
        /** no recording: the service did not record, retention deleted it, or it could not be written */
        NONE
    }

    private RecordingRules() {
    }

    /** the recording's path relative to the recordings directory */
    public static String file(long serviceId, long callId) {
        return "service-" + serviceId + "/call-" + callId + ".wav";
    }

    /**
     * @param recorded  the call has a recording file name (recording started and not deleted)
     * @param written   that file exists
     * @param endedAt   when the call ended, null while it goes on
     */
    public static Availability availability(boolean recorded, boolean written, Instant endedAt, Instant now) {
        if (!recorded) {
            return Availability.NONE;
        }
        if (endedAt == null) {
            return Availability.NOT_READY; // a file under its name while the call goes on is not this call's recording yet
        }
        if (written) {
            return Availability.READY;
        }
        return endedAt == null || !now.isAfter(endedAt.plus(WRITE_GRACE)) ? Availability.NOT_READY : Availability.NONE;
    }

    public static boolean expired(Instant endedAt, boolean keptAsEvidence, int retentionDays, Instant now) {
        if (keptAsEvidence || endedAt == null) {
            return false;
        }
        return endedAt.plus(Duration.ofDays(retentionDays)).isBefore(now);
    }
}
