package org.sangdam.registrar;

import org.sangdam.registrar.domain.DigestCredentials;
import org.sangdam.registrar.domain.RegisterAttempt;
import org.sangdam.sip.SipExchange;

import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.AuthorizationHeader;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;

/**
 * The digest credentials of a request as the domain judges them, for the
 * registrar ({@code Authorization} on REGISTER) and for trunks
 * ({@code Proxy-Authorization} on INVITE): each header's parameters as sent and
 * whether its digest-uri names the Request-URI.
 */
public final class DigestHeaders {
    private DigestHeaders() {
    }

    /** @param headerName {@code Authorization} or {@code Proxy-Authorization} */
    public static List<RegisterAttempt.Authorization> read(SipExchange exchange, String headerName) {
        return read(exchange, headerName, false);
    }

    /**
     * @param sameServer also count a digest-uri that names the Request-URI's host and
     *                   port without its user part ({@code sip:host:port}, as some
     *                   carriers' equipment and SIPp write it): it still binds the
     *                   answer to this server, and nonce and count stop replays
     */
    public static List<RegisterAttempt.Authorization> read(SipExchange exchange, String headerName, boolean sameServer) {
        List<RegisterAttempt.Authorization> found = new ArrayList<>();
        ListIterator<?> headers = exchange.request().getHeaders(headerName);
        while (headers != null && headers.hasNext()) {
            AuthorizationHeader h = (AuthorizationHeader) headers.next();
            if (!"Digest".equalsIgnoreCase(h.getScheme())) {
                continue;
            }
            DigestCredentials c = new DigestCredentials(h.getParameter("username"), h.getParameter("realm"),
                    h.getParameter("nonce"), h.getParameter("uri"), h.getParameter("response"),
                    h.getParameter("algorithm"), h.getParameter("qop"), h.getParameter("nc"), h.getParameter("cnonce"));
            found.add(new RegisterAttempt.Authorization(c, namesRequestUri(exchange, c.uri())
                    || (sameServer && namesRequestServer(exchange, c.uri()))));
        }
        return found;
    }

    /** RFC 2617 §3.2.2.5: the digest-uri must name the Request-URI (compared as SIP URIs) */
    private static boolean namesRequestUri(SipExchange exchange, String digestUri) {
        if (digestUri == null) {
            return false;
        }
        URI requestUri = exchange.request().getRequestURI();
        if (digestUri.equals(requestUri.toString())) {
            return true;
        }
        try {
            return exchange.addresses().createURI(digestUri).equals(requestUri);
        } catch (ParseException notAUri) {
            return false;
        }
    }

    private static boolean namesRequestServer(SipExchange exchange, String digestUri) {
        if (digestUri == null || !(exchange.request().getRequestURI() instanceof SipURI requestUri)) {
            return false;
        }
        try {
            return exchange.addresses().createURI(digestUri) instanceof SipURI named && named.getUser() == null
                    && named.getHost().equalsIgnoreCase(requestUri.getHost()) && named.getPort() == requestUri.getPort();
        } catch (ParseException notAUri) {
            return false;
        }
    }
}
