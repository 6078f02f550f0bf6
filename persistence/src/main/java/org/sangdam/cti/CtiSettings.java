package org.sangdam.cti;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.sangdam.cti.domain.InitialStatus;

/**
 * A service's telephony parameters (R1.3), set by a system administrator: recall
 * time (호회수 시간), status after CTI login, music on hold, the abusive-call
 * announcement (prompt and the text the agent sees before confirming).
 */
@Entity
@Table(name = "cti_settings")
public class CtiSettings {
    public static final int DEFAULT_RECALL_SECONDS = 15;

    @Id
    @Column(name = "service_id")
    private Long tenantId;
    @Column(name = "recall_seconds", nullable = false)
    private int recallSeconds = DEFAULT_RECALL_SECONDS;
    @Enumerated(EnumType.STRING)
    @Column(name = "initial_status", nullable = false, length = 16)
    private InitialStatus initialStatus = InitialStatus.WORK;
    @Column(name = "moh_prompt", length = 255)
    private String mohPrompt;
    @Column(name = "announcement_prompt", length = 255)
    private String announcementPrompt;
    @Column(name = "abusive_text", length = 1000)
    private String abusiveText;
    @Column(name = "recording_enabled", nullable = false)
    private boolean recordingEnabled = true;
    @Column(name = "recording_retention_days", nullable = false)
    private int recordingRetentionDays = DEFAULT_RETENTION_DAYS;
    public static final int DEFAULT_RETENTION_DAYS = 365;

    protected CtiSettings() {
    }

    public CtiSettings(Long tenantId) {
        this.tenantId = tenantId;
    }

    public Long getTenantId() { return tenantId; }
    public int getRecallSeconds() { return recallSeconds; }
    public InitialStatus getInitialStatus() { return initialStatus; }
    public String getMohPrompt() { return mohPrompt; }
    public String getAnnouncementPrompt() { return announcementPrompt; }
    public String getAbusiveText() { return abusiveText; }
    public boolean isRecordingEnabled() { return recordingEnabled; }
    public int getRecordingRetentionDays() { return recordingRetentionDays; }

    public void recording(boolean enabled, int retentionDays) {
        this.recordingEnabled = enabled;
        this.recordingRetentionDays = retentionDays;
    }

    public void update(int recallSeconds, InitialStatus initialStatus, String mohPrompt, String announcementPrompt, String abusiveText) {
        this.recallSeconds = recallSeconds;
        this.initialStatus = initialStatus;
        this.mohPrompt = mohPrompt;
        this.announcementPrompt = announcementPrompt;
        this.abusiveText = abusiveText;
    }
}
