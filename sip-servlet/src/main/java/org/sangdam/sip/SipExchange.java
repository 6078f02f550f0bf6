package org.sangdam.sip;

import gov.nist.javax.sip.message.SIPMessage;

import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import java.net.InetAddress;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One received request and the means to answer it: the server transaction the
 * stack keeps for it (retransmissions of the request are answered from there
 * without reaching us again), the JAIN-SIP factories, and where the request
 * really came from.
 */
public final class SipExchange {
    static final String SERVER = "Sangdam";

    private final Request request;
    private final ServerTransaction transaction;
    private final SipProvider provider;
    private final SipServer.Factories factories;
    private final List<String> allowedMethods;
    private final org.sangdam.sip.domain.PendingInvite pending;
    private volatile boolean answered;

    SipExchange(Request request, ServerTransaction transaction, SipProvider provider, SipServer.Factories factories,
                List<String> allowedMethods) {
        this.request = request;
        this.transaction = transaction;
        this.provider = provider;
        this.factories = factories;
        this.allowedMethods = allowedMethods;
        this.pending = transaction != null && transaction.getApplicationData() instanceof org.sangdam.sip.domain.PendingInvite p ? p : null;
    }

    public Request request() {
        return request;
    }

    public HeaderFactory headers() {
        return factories.headers();
    }

    public AddressFactory addresses() {
        return factories.addresses();
    }

    public ServerTransaction transaction() {
        return transaction;
    }

    public SipProvider provider() {
        return provider;
    }

    public MessageFactory messages() {
        return factories.messages();
    }

    /** the methods some handler serves, in Allow order */
    public List<String> allowedMethods() {
        return allowedMethods;
    }

    /** udp or tcp: the transport the request arrived on */
    public String transport() {
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        return via == null || via.getTransport() == null ? "udp" : via.getTransport().toLowerCase(Locale.ROOT);
    }

    /** the address the packet or connection came from (not what the Via claims) */
    public String remoteHost() {
        SIPMessage m = (SIPMessage) request;
        InetAddress a = m.getPeerPacketSourceAddress() != null ? m.getPeerPacketSourceAddress() : m.getRemoteAddress();
        return a == null ? "" : a.getHostAddress();
    }

    public int remotePort() {
        SIPMessage m = (SIPMessage) request;
        return m.getPeerPacketSourcePort() > 0 ? m.getPeerPacketSourcePort() : m.getRemotePort();
    }

    /** a response to this request, with the To tag RFC 3261 §8.2.6.2 requires on final responses */
    public Response response(int status) throws ParseException {
        Response response = factories.messages().createResponse(status, request);
        ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
        if (status >= 200 && to != null && to.getTag() == null) {
            to.setTag(Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE));
        }
        response.setHeader(factories.headers().createServerHeader(List.of(SERVER)));
        return response;
    }

    public Response response(int status, String reason) throws ParseException {
        Response response = response(status);
        if (reason != null) {
            response.setReasonPhrase(reason);
        }
        return response;
    }

    public void send(Response response) throws SipException, InvalidArgumentException {
        answered = true;
        if (response.getStatusCode() >= 200 && pending != null && !pending.answer()) {
            return; // the caller's CANCEL came first: the INVITE has been answered 487
        }
        if (transaction != null) {
            transaction.sendResponse(response);
        } else {
            provider.sendResponse(response);
        }
    }

    public void reply(int status) throws ParseException, SipException, InvalidArgumentException {
        send(response(status));
    }

    public void reply(int status, String reason) throws ParseException, SipException, InvalidArgumentException {
        send(response(status, reason));
    }

    /**
     * 100 Trying (RFC 3261 §8.2.6.1, §17.2.1) for an INVITE the handler will take longer than 200 ms
     * to answer: it stops the caller's retransmissions. Not an answer: the handler still answers once,
     * and a failure after it still gets the dispatcher's 500/503.
     */
    public void trying() throws ParseException, SipException, InvalidArgumentException {
        if (transaction != null && !cancelled()) { // after a CANCEL's 487 a 100 would fail, and the handler must still undo its work
            transaction.sendResponse(response(Response.TRYING));
        }
    }

    /**
     * The handler answers later, from another thread (after {@link #trying()}): the
     * dispatcher neither complains nor answers 500 for it. The handler still answers once.
     */
    public void answerLater() {
        answered = true;
    }

    /**
     * Claims the final answer to this INVITE before the caller's CANCEL can (for a
     * handler that must act on the answer, e.g. start the call, only when it goes out).
     *
     * @return false when a CANCEL came first: the INVITE has been answered 487
     */
    public boolean claimAnswer() {
        return pending == null || pending.answer();
    }

    /** whether the caller CANCELled this INVITE before we answered it */
    public boolean cancelled() {
        return pending != null && pending.cancelled();
    }

    boolean answered() {
        return answered;
    }
}
