package org.sangdam.sip;

import jakarta.enterprise.context.ApplicationScoped;
import org.sangdam.sip.domain.SipSettings;

import javax.sip.SipProvider;
import javax.sip.address.Address;
import javax.sip.header.ContactHeader;
import javax.sip.header.ViaHeader;
import java.text.ParseException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The running stack as the call handlers see it, to send requests of their own
 * (INVITE to phones and trunks, BYE, CANCEL): the provider, the factories, our
 * address for Via and Contact, and the directory of live legs. {@link SipStackBean}
 * attaches the server when it starts.
 */
@ApplicationScoped
public class SipNetwork {
    private final LegDirectory legs = new LegDirectory();
    private volatile SipServer server;

    void attach(SipServer running) {
        this.server = running;
    }

    void detach() {
        this.server = null;
    }

    private SipServer server() {
        SipServer s = server;
        if (s == null) {
            throw new IllegalStateException("the SIP stack is not running");
        }
        return s;
    }

    public LegDirectory legs() {
        return legs;
    }

    public SipProvider provider() {
        return server().provider();
    }

    public SipServer.Factories factories() {
        return server().factories();
    }

    public SipSettings settings() {
        return server().settings();
    }

    /** {@code <sip:user@our-address:port>} for Contact */
    public ContactHeader contact(String user) throws ParseException {
        SipSettings s = settings();
        Address a = factories().addresses().createAddress("sip:" + user + "@" + s.address() + ":" + s.port());
        return factories().headers().createContactHeader(a);
    }

    /**
     * Lists in {@code Allow} what a call leg accepts in its dialog, UPDATE included (RFC 3311,
     * the session refresh of RFC 4028): a peer that sees no UPDATE would never send us one.
     */
    public void allow(javax.sip.message.Message message) throws ParseException {
        for (String method : org.sangdam.sip.domain.MethodPolicy.IN_CALL) {
            message.addHeader(factories().headers().createAllowHeader(method));
        }
    }

    public ViaHeader via(String transport) throws ParseException, javax.sip.InvalidArgumentException {
        SipSettings s = settings();
        return factories().headers().createViaHeader(s.address(), s.port(), transport, "z9hG4bK" + token());
    }

    public static String token() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    }
}
