package org.sangdam.cti;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A SIP trunk to a carrier (R1.3): where outbound calls go, and the source addresses
 * inbound INVITEs are accepted from. Optional digest credentials are those the
 * carrier gives us for our outbound requests.
 */
@Entity
@Table(name = "sip_trunk")
public class SipTrunk {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, unique = true, length = 64)
    private String name;
    @Column(nullable = false, length = 255)
    private String host;
    @Column(nullable = false)
    private int port;
    @Column(nullable = false, length = 8)
    private String transport;
    /** comma-separated IPv4/IPv6 addresses or CIDR blocks */
    @Column(name = "allowed_sources", nullable = false, length = 1000)
    private String allowedSources;
    @Column(name = "auth_username", length = 64)
    private String authUsername;
    @Column(name = "auth_password", length = 128)
    private String authPassword;

    protected SipTrunk() {
    }

    public SipTrunk(String name) {
        this.name = name;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getHost() { return host; }
    public int getPort() { return port; }
    public String getTransport() { return transport; }
    public String getAllowedSources() { return allowedSources; }
    public String getAuthUsername() { return authUsername; }
    public String getAuthPassword() { return authPassword; }

    public void configure(String host, int port, String transport, String allowedSources, String authUsername, String authPassword) {
        this.host = host;
        this.port = port;
        this.transport = transport;
        this.allowedSources = allowedSources;
        this.authUsername = authUsername;
        this.authPassword = authPassword;
    }
}
