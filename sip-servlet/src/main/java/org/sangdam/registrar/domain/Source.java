package org.sangdam.registrar.domain;

/**
 * Where a REGISTER came from (transport, address and port of the packet or
 * connection), and where its top Via said it was sent from ({@code viaHost},
 * {@code viaPort}: null and -1 when unknown). Calls to a phone behind NAT must go
 * to the source rather than to the address written in its Contact; a REGISTER whose
 * Via names its source came through no NAT ({@link #throughNat()}).
 */
public record Source(String transport, String host, int port, String viaHost, int viaPort) {
    public Source(String transport, String host, int port) {
        this(transport, host, port, null, -1);
    }

    /**
     * RFC 3581: a NAT shows as a packet whose source is not the Via's sent-by (the
     * server would add {@code received}/{@code rport}). Unknown Via: assumed natted.
     */
    public boolean throughNat() {
        if (viaHost == null || host == null) {
            return true;
        }
        int sentPort = viaPort > 0 ? viaPort
                : Delivery.defaultPort(transport == null ? "udp" : transport.toLowerCase(java.util.Locale.ROOT));
        return !(Delivery.unbracket(viaHost).equalsIgnoreCase(Delivery.unbracket(host)) && sentPort == port);
    }

    @Override
    public String toString() {
        return transport + ":" + host + ":" + port;
    }
}
