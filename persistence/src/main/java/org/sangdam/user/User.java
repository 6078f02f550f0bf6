package org.sangdam.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.sangdam.user.domain.Role;

import java.time.Instant;

/**
 * A person who logs in. Agents and service administrators belong to one service
 * ({@code tenantId}); system administrators to none. The password is a bcrypt
 * modular-crypt string the server's JDBC realm verifies at login.
 */
@Entity
@Table(name = "app_user")
public class User {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, unique = true, length = 64)
    private String username;
    @Column(name = "display_name", nullable = false, length = 100)
    private String displayName;
    @Column(name = "password_hash", nullable = false, length = 100)
    private String passwordHash;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Role role;
    @Column(name = "service_id")
    private Long tenantId;
    @Column(name = "phone_permission", nullable = false)
    private boolean phonePermission;
    @Column(nullable = false)
    private boolean active = true;
    /** set while the password is a published demo default; such accounts only work in demo mode */
    @Column(name = "demo_password", nullable = false)
    private boolean demoPassword;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected User() {
    }

    public User(String username, String displayName, String passwordHash, Role role, Long tenantId) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.role = role;
        this.tenantId = tenantId;
        this.createdAt = Instant.now();
    }

    public Long getId() { return id; }
    public String getUsername() { return username; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getPasswordHash() { return passwordHash; }
    public Role getRole() { return role; }
    public Long getTenantId() { return tenantId; }
    public boolean hasPhonePermission() { return phonePermission; }
    public void setPhonePermission(boolean phonePermission) { this.phonePermission = phonePermission; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
    public boolean isDemoPassword() { return demoPassword; }
    public Instant getCreatedAt() { return createdAt; }

    public void changePassword(String passwordHash, boolean demoPassword) {
        this.passwordHash = passwordHash;
        this.demoPassword = demoPassword;
    }
}
