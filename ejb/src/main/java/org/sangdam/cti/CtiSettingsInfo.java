package org.sangdam.cti;

import org.sangdam.cti.domain.InitialStatus;

/**
 * A service's CTI settings (R1.3) and call recording (issue 7): {@code recordingEnabled}
 * and {@code recordingRetentionDays} (1–3650); on update, null keeps the current value.
 */
public record CtiSettingsInfo(long serviceId, int recallSeconds, InitialStatus initialStatus,
                              String mohPrompt, String announcementPrompt, String abusiveText,
                              Boolean recordingEnabled, Integer recordingRetentionDays) {
    static CtiSettingsInfo of(CtiSettings s) {
        return new CtiSettingsInfo(s.getTenantId(), s.getRecallSeconds(), s.getInitialStatus(),
                s.getMohPrompt(), s.getAnnouncementPrompt(), s.getAbusiveText(),
                s.isRecordingEnabled(), s.getRecordingRetentionDays());
    }
}
