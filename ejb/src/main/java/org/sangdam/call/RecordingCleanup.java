package org.sangdam.call;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.sangdam.call.domain.RecordingRules;
import org.sangdam.cti.CtiSettings;
import org.sangdam.tenant.TenantRepository;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Retention of call recordings (issue 7 part 5): every night deletes the recordings
 * whose call ended more than the service's retention days ago ({@link RecordingRules}),
 * except evidence of abusive calls. The call keeps its history; its link is cleared and
 * a {@code RECORDING_DELETED} event says when.
 */
@Singleton
@PermitAll
public class RecordingCleanup {
    private static final Logger LOG = Logger.getLogger(RecordingCleanup.class);

    @Inject
    CallRepository calls;
    @Inject
    TenantRepository tenants;
    @Inject
    org.sangdam.cti.CtiRepository cti;

    @Schedule(hour = "3", minute = "17", persistent = false)
    void nightly() {
        deleteExpired(Instant.now());
    }

    /** deletes what has expired at {@code now}; the number of recordings deleted */
    public int deleteExpired(Instant now) {
        int deleted = 0;
        for (var tenant : tenants.all()) {
            int days = cti.settings(tenant.getId()).map(CtiSettings::getRecordingRetentionDays)
                    .orElse(CtiSettings.DEFAULT_RETENTION_DAYS);
            for (PhoneCall c : calls.deletableRecordingsOf(tenant.getId())) {
                if (!RecordingRules.expired(c.getEndedAt(), c.isRecordingKept(), days, now)) {
                    continue;
                }
                try {
                    Files.deleteIfExists(Path.of(c.getRecordingFile()));
                } catch (IOException e) {
                    LOG.warnf("recording of call %d could not be deleted: %s", c.getId(), e.getMessage());
                    continue;
                }
                c.recordingDeleted();
                calls.record(c, "RECORDING_DELETED", null, "retention " + days + " days", now);
                deleted++;
            }
        }
        return deleted;
    }
}
