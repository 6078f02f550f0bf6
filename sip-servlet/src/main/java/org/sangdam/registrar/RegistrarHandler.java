package org.sangdam.registrar;

import gov.nist.javax.sip.header.SIPHeader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.sangdam.registrar.domain.Binding;
import org.sangdam.registrar.domain.ContactUpdate;
import org.sangdam.registrar.domain.PhoneAccount;
import org.sangdam.registrar.domain.RegisterAttempt;
import org.sangdam.registrar.domain.RegisterOutcome;
import org.sangdam.registrar.domain.RegisterRequest;
import org.sangdam.registrar.domain.Source;
import org.sangdam.sip.SipExchange;
import org.sangdam.sip.SipHandler;

import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.UserAgentHeader;
import javax.sip.header.ViaHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.ListIterator;
import java.util.Optional;
import java.util.TimeZone;

/**
 * REGISTER from agent phones (R1.4): translates the request into a
 * {@link RegisterAttempt}, lets the {@link org.sangdam.registrar.domain.Registrar}
 * decide, and answers its {@link RegisterOutcome} (200 with every live contact
 * and its remaining {@code expires}, 401 challenge, 403, 404, 400, 423). Runs on
 * the stack's threads; the database is read through {@link PhoneAccounts} only
 * for a well-formed answer to a challenge.
 */
@ApplicationScoped
public class RegistrarHandler implements SipHandler {
    @Inject
    RegistrationsBean registrations;
    @Inject
    PhoneAccounts accounts;

    @Override
    public String method() {
        return Request.REGISTER;
    }

    public String realm() {
        return registrations.realm();
    }

    @Override
    public void handle(SipExchange exchange) throws Exception {
        Request request = exchange.request();
        String badContact = badContact(request);
        if (badContact != null) {
            exchange.reply(Response.BAD_REQUEST, "Bad Request (" + badContact + ")");
            return;
        }
        Optional<RegisterRequest> bindings = bindingRequest(exchange);
        if (bindings.isEmpty()) {
            exchange.reply(Response.BAD_REQUEST, "Bad Request (Contact must be a sip: URI)");
            return;
        }
        RegisterAttempt attempt = new RegisterAttempt(extensionOf(request), authorizations(exchange), bindings.get());
        RegisterOutcome outcome = registrations.registrar().register(attempt, this::account);
        exchange.send(response(exchange, outcome));
    }

    private Optional<PhoneAccount> account(String ctiNumber) {
        try {
            return accounts.byCtiNumber(ctiNumber);
        } catch (RuntimeException e) {
            throw new ServiceUnavailable("phone accounts cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * What is wrong with a Contact the stack parsed but we cannot take: an
     * {@code expires} parameter that is not a number of seconds (the stack keeps it
     * as text and would report "absent"), or null when all are fine.
     */
    private static String badContact(Request request) {
        ListIterator<?> headers = request.getHeaders(ContactHeader.NAME);
        while (headers != null && headers.hasNext()) {
            String expires = ((ContactHeader) headers.next()).getParameter("expires");
            if (expires != null && !expires.matches("\\d{1,10}")) {
                return "malformed Contact expires parameter";
            }
        }
        return null;
    }

    /** the user part of a sip: To URI: the CTI number the phone registers as */
    private static String extensionOf(Request request) {
        URI to = ((ToHeader) request.getHeader(ToHeader.NAME)).getAddress().getURI();
        return to instanceof SipURI sip ? sip.getUser() : null;
    }

    private static List<RegisterAttempt.Authorization> authorizations(SipExchange exchange) {
        return DigestHeaders.read(exchange, AuthorizationHeader.NAME);
    }

    /** empty when a Contact is not a sip: URI */
    private static Optional<RegisterRequest> bindingRequest(SipExchange exchange) {
        Request request = exchange.request();
        boolean wildcard = false;
        List<ContactUpdate> contacts = new ArrayList<>();
        ListIterator<?> headers = request.getHeaders(ContactHeader.NAME);
        while (headers != null && headers.hasNext()) {
            ContactHeader contact = (ContactHeader) headers.next();
            if (contact.getAddress() == null || contact.getAddress().isWildcard()) { // Contact: *
                wildcard = true;
                continue;
            }
            URI uri = contact.getAddress().getURI();
            if (!uri.isSipURI()) {
                return Optional.empty();
            }
            String expires = contact.getParameter("expires"); // digits only, checked by badContact
            contacts.add(new ContactUpdate(uri.toString(), unquote(contact.getParameter("+sip.instance")),
                    expires == null ? null : (int) Math.min(Long.parseLong(expires), Integer.MAX_VALUE)));
        }
        ExpiresHeader expires = request.getExpires();
        UserAgentHeader userAgent = (UserAgentHeader) request.getHeader(UserAgentHeader.NAME);
        return Optional.of(new RegisterRequest(
                ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId(),
                ((CSeqHeader) request.getHeader(CSeqHeader.NAME)).getSeqNumber(),
                wildcard, contacts, expires == null ? null : expires.getExpires(),
                source(exchange),
                userAgent instanceof SIPHeader h ? h.getHeaderValue() : null));
    }

    /** the packet's source and what its top Via claims (a NAT shows as the two differing) */
    private static Source source(SipExchange exchange) {
        ViaHeader via = (ViaHeader) exchange.request().getHeader(ViaHeader.NAME);
        return new Source(exchange.transport(), exchange.remoteHost(), exchange.remotePort(),
                via == null ? null : via.getHost(), via == null ? -1 : via.getPort());
    }

    private static String unquote(String value) {
        if (value != null && value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    private static Response response(SipExchange exchange, RegisterOutcome outcome) throws Exception {
        return switch (outcome) {
            case RegisterOutcome.Registered r -> {
                Response ok = exchange.response(Response.OK);
                for (Binding b : r.bindings()) {
                    Address address = exchange.addresses().createAddress(exchange.addresses().createURI(b.contactUri()));
                    ContactHeader contact = exchange.headers().createContactHeader(address);
                    contact.setExpires((int) Math.min(Integer.MAX_VALUE, b.secondsLeft(r.at())));
                    if (b.instanceId() != null) {
                        contact.setParameter("+sip.instance", "\"" + b.instanceId() + "\"");
                    }
                    ok.addHeader(contact);
                }
                Calendar date = Calendar.getInstance(TimeZone.getTimeZone("GMT"));
                date.setTimeInMillis(r.at().toEpochMilli());
                ok.setHeader(exchange.headers().createDateHeader(date));
                yield ok;
            }
            case RegisterOutcome.Challenge c -> {
                Response challenge = exchange.response(Response.UNAUTHORIZED);
                WWWAuthenticateHeader www = exchange.headers().createWWWAuthenticateHeader("Digest");
                www.setRealm(c.realm());
                www.setNonce(c.nonce());
                www.setQop("auth");
                www.setAlgorithm("MD5");
                if (c.stale()) {
                    www.setStale(true);
                }
                challenge.setHeader(www);
                yield challenge;
            }
            case RegisterOutcome.Forbidden f -> exchange.response(Response.FORBIDDEN, f.reason());
            case RegisterOutcome.NotFound n -> exchange.response(Response.NOT_FOUND, n.reason());
            case RegisterOutcome.BadRequest b -> exchange.response(Response.BAD_REQUEST, "Bad Request (" + b.reason() + ")");
            case RegisterOutcome.IntervalTooBrief t -> {
                Response tooBrief = exchange.response(Response.INTERVAL_TOO_BRIEF);
                tooBrief.setHeader(exchange.headers().createMinExpiresHeader(t.minExpires()));
                yield tooBrief;
            }
        };
    }
}
