package org.sangdam.registrar.domain;

import java.util.Locale;
import java.util.Objects;

/**
 * Where a request to a registered phone is sent (issue 5: phones behind NAT).
 * RFC 3261 §18.2.2 and RFC 3581 (received/rport) for the registration's
 * direction: a phone behind NAT writes its private address in Contact
 * ({@code 10.0.0.5:5060}) while its REGISTER reaches us from the NAT's public
 * address and port. When the Contact's host, port or transport differs from the
 * packet's source, the source is the only way back in, so calls go there (the
 * Request-URI stays the Contact, which is how the phone recognises the call as
 * its own). When they agree, the Contact is used as it is; so is a Contact that
 * differs from a source whose Via names that source (no NAT on the way): a
 * third-party registration (RFC 3261 §10.2.1), one host registering another's
 * phone.
 *
 * @param host      where to send
 * @param port      port to send to
 * @param transport {@code udp}, {@code tcp}, …, lower case
 * @param natted    true when this is the REGISTER's source rather than the Contact
 */
public record Delivery(String host, int port, String transport, boolean natted) {
    public Delivery {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(transport, "transport");
    }

    /**
     * @param contactHost      the Contact URI's host
     * @param contactPort      its port, or -1 when it names none
     * @param contactTransport its {@code transport} parameter, or null
     * @param secure           a {@code sips:} Contact
     * @param source           where the REGISTER came from, or null when unknown
     */
    public static Delivery of(String contactHost, int contactPort, String contactTransport, boolean secure, Source source) {
        String transport = contactTransport == null ? (secure ? "tls" : "udp") : contactTransport.toLowerCase(Locale.ROOT);
        int port = contactPort > 0 ? contactPort : defaultPort(transport);
        Delivery contact = new Delivery(unbracket(contactHost), port, transport, false);
        if (source == null || source.host() == null || source.port() <= 0 || !source.throughNat()) {
            return contact;
        }
        Delivery received = new Delivery(unbracket(source.host()), source.port(),
                source.transport() == null ? transport : source.transport().toLowerCase(Locale.ROOT), true);
        boolean same = received.host.equalsIgnoreCase(contact.host) && received.port == contact.port
                && received.transport.equals(contact.transport);
        return same ? contact : received;
    }

    /** the port a URI or Via without one means for this (lower-case) transport */
    static int defaultPort(String transport) {
        return "tls".equals(transport) || "wss".equals(transport) ? 5061 : 5060;
    }

    /** IPv6 references are written {@code [::1]} in URIs and bare in socket addresses */
    static String unbracket(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
