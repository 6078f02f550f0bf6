package org.sangdam.cti;

import org.sangdam.cti.domain.InitialStatus;

/** A service's CTI settings (R1.3). */
public record CtiSettingsInfo(long serviceId, int recallSeconds, InitialStatus initialStatus,
                              String mohPrompt, String announcementPrompt, String abusiveText) {
    static CtiSettingsInfo of(CtiSettings s) {
        return new CtiSettingsInfo(s.getTenantId(), s.getRecallSeconds(), s.getInitialStatus(),
                s.getMohPrompt(), s.getAnnouncementPrompt(), s.getAbusiveText());
    }
}
