package org.sangdam.prompt;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An uploaded prompt of one service: its audio as the media engine plays it (8 kHz mono 16-bit PCM). */
@Entity
@Table(name = "prompt")
public class StoredPrompt {
    public enum Kind { MUSIC, ANNOUNCEMENT }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "service_id", nullable = false)
    private Long tenantId;
    @Column(nullable = false, length = 64)
    private String name;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Kind kind;
    @Column(nullable = false)
    private byte[] pcm;
    @Column(name = "duration_ms", nullable = false)
    private long durationMillis;
    @Column(name = "uploaded_by", nullable = false, length = 64)
    private String uploadedBy;
    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    protected StoredPrompt() {
    }

    public StoredPrompt(Long tenantId, String name, Kind kind, byte[] pcm, long durationMillis, String uploadedBy, Instant uploadedAt) {
        this.tenantId = tenantId;
        this.name = name;
        this.kind = kind;
        this.pcm = pcm;
        this.durationMillis = durationMillis;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    public Long getId() { return id; }
    public Long getTenantId() { return tenantId; }
    public String getName() { return name; }
    public Kind getKind() { return kind; }
    public byte[] getPcm() { return pcm; }
    public long getDurationMillis() { return durationMillis; }
    public String getUploadedBy() { return uploadedBy; }
    public Instant getUploadedAt() { return uploadedAt; }
}
