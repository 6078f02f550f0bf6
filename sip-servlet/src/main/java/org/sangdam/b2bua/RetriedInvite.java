package org.sangdam.b2bua;

import gov.nist.javax.sip.header.extensions.MinSE;
import gov.nist.javax.sip.header.extensions.MinSEHeader;
import gov.nist.javax.sip.header.extensions.SessionExpiresHeader;
import org.jboss.logging.Logger;
import org.sangdam.b2bua.domain.SessionTimer;
import org.sangdam.registrar.domain.Digest;
import org.sangdam.registrar.domain.DigestChallenge;
import org.sangdam.registrar.domain.DigestCredentials;
import org.sangdam.sip.ResponseListener;
import org.sangdam.sip.SipNetwork;
import org.sangdam.trunk.domain.TrunkCredentials;

import javax.sip.ClientTransaction;
import javax.sip.ResponseEvent;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ProxyAuthenticateHeader;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.header.ViaHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * Our INVITE sent again, once per reason, with the same Call-ID, From tag and a
 * higher CSeq, in a new transaction that reports to the same listener:
 * <ul>
 * <li>through a trunk that the carrier challenges (401 or 407, RFC 3261 §22.2):
 *     with the trunk's credentials. A second challenge, a trunk without
 *     credentials or a challenge we cannot answer (not MD5) goes to {@code inner}
 *     like any other failure, so the agent sees the SIP cause;</li>
 * <li>refused 422 Session Interval Too Small by a phone or a carrier (RFC 4028
 *     §7.4): with the {@code Min-SE} it names as our {@code Session-Expires} and
 *     {@code Min-SE} ({@link SessionTimer#afterTooSmall}). A second 422, or one
 *     without a usable {@code Min-SE}, is a failure.</li>
 * </ul>
 */
final class RetriedInvite implements ResponseListener {
    private static final Logger LOG = Logger.getLogger(RetriedInvite.class);

    private final SipNetwork network;
    private final TrunkCredentials credentials;
    private final ResponseListener inner;
    private final Consumer<ClientTransaction> resent;
    private volatile boolean answered;
    private volatile boolean resized;

    /**
     * @param credentials the trunk's, or null (then every challenge is a failure)
     * @param resent      told the new transaction before it is sent (to CANCEL the right one)
     */
    RetriedInvite(SipNetwork network, TrunkCredentials credentials, ResponseListener inner, Consumer<ClientTransaction> resent) {
        this.network = network;
        this.credentials = credentials;
        this.inner = inner;
        this.resent = resent;
    }

    @Override
    public void response(ResponseEvent event) throws Exception {
        Response response = event.getResponse();
        int status = response.getStatusCode();
        if ((status == Response.UNAUTHORIZED || status == Response.PROXY_AUTHENTICATION_REQUIRED) && !answered && credentials != null) {
            answered = true;
            ClientTransaction retry = authenticated(event.getClientTransaction().getRequest(), response);
            if (retry != null) {
                send(retry);
                return;
            }
        }
        if (status == SESSION_INTERVAL_TOO_SMALL && !resized) {
            resized = true;
            ClientTransaction retry = longer(event.getClientTransaction().getRequest(), response);
            if (retry != null) {
                send(retry);
                return;
            }
        }
        inner.response(event);
    }

    private static final int SESSION_INTERVAL_TOO_SMALL = 422;

    private void send(ClientTransaction retry) throws Exception {
        retry.setApplicationData(this);
        resent.accept(retry);
        retry.sendRequest();
    }

    /** the INVITE again asking for the 422's Min-SE, or null when the 422 names none we can use */
    private ClientTransaction longer(Request original, Response tooSmall) throws Exception {
        if (!(original.getHeader(SessionExpiresHeader.NAME) instanceof SessionExpiresHeader asked)) {
            return null; // we asked for no timer: nothing to make longer
        }
        Integer theirs = tooSmall.getHeader(MinSEHeader.NAME) instanceof MinSE minSe ? minSe.getExpires() : null;
        OptionalInt interval = SessionTimer.afterTooSmall(asked.getExpires(), theirs);
        if (interval.isEmpty()) {
            LOG.infof("422 to our INVITE with Min-SE %s for our %d s: not retried", theirs, asked.getExpires());
            return null;
        }
        Request again = (Request) original.clone();
        var headers = network.factories().headers();
        String refresher = asked.getRefresher();
        again.setHeader(headers.createHeader("Session-Expires", interval.getAsInt() + (refresher == null ? "" : ";refresher=" + refresher)));
        again.setHeader(headers.createHeader("Min-SE", Integer.toString(interval.getAsInt())));
        return resend(original, again);
    }

    /** {@code again} with a higher CSeq and a new branch, in a new transaction of the same dialog */
    private ClientTransaction resend(Request original, Request again) throws Exception {
        CSeqHeader cseq = (CSeqHeader) again.getHeader(CSeqHeader.NAME);
        cseq.setSeqNumber(cseq.getSeqNumber() + 1);
        String transport = ((ViaHeader) original.getHeader(ViaHeader.NAME)).getTransport();
        again.removeHeader(ViaHeader.NAME);
        again.addHeader(network.via(transport));
        ClientTransaction ct = network.provider().getNewClientTransaction(again);
        network.provider().getNewDialog(ct);
        return ct;
    }

    @Override
    public void timeout() {
        inner.timeout();
    }

    /** the INVITE again with our credentials, or null when the challenge cannot be answered */
    private ClientTransaction authenticated(Request original, Response challenge) throws Exception {
        boolean proxy = challenge.getStatusCode() == Response.PROXY_AUTHENTICATION_REQUIRED;
        WWWAuthenticateHeader asked = (WWWAuthenticateHeader) challenge.getHeader(proxy ? ProxyAuthenticateHeader.NAME : WWWAuthenticateHeader.NAME);
        if (asked == null || !"Digest".equalsIgnoreCase(asked.getScheme())) {
            return null;
        }
        DigestChallenge digest = new DigestChallenge(asked.getRealm(), asked.getNonce(), asked.getQop(), asked.getAlgorithm(), asked.getOpaque());
        if (!digest.answerable()) {
            LOG.warnf("the carrier's challenge cannot be answered (algorithm %s, qop %s)", digest.algorithm(), digest.qop());
            return null;
        }
        Request again = (Request) original.clone();
        String uri = again.getRequestURI().toString();
        DigestCredentials answer = Digest.answer(digest, credentials.username(), credentials.password(), Request.INVITE, uri,
                SipNetwork.token(), 1);
        var headers = network.factories().headers();
        AuthorizationHeader authorization = proxy ? headers.createProxyAuthorizationHeader("Digest")
                : headers.createAuthorizationHeader("Digest");
        authorization.setUsername(answer.username());
        authorization.setRealm(answer.realm());
        authorization.setNonce(answer.nonce());
        authorization.setURI(again.getRequestURI());
        authorization.setResponse(answer.response());
        if (answer.algorithm() != null) {
            authorization.setAlgorithm(answer.algorithm());
        }
        if (answer.qop() != null) {
            authorization.setQop(answer.qop());
            authorization.setNonceCount(1);
            authorization.setCNonce(answer.cnonce());
        }
        if (digest.opaque() != null) {
            authorization.setOpaque(digest.opaque());
        }
        again.removeHeader(AuthorizationHeader.NAME);
        again.removeHeader(ProxyAuthorizationHeader.NAME);
        again.addHeader(authorization);
        return resend(original, again);
    }
}
