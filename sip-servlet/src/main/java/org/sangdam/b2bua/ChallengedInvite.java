package org.sangdam.b2bua;

import org.jboss.logging.Logger;
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
import java.util.function.Consumer;

/**
 * Our INVITE through a trunk that the carrier challenges (401 or 407, RFC 3261
 * §22.2): answered once with the trunk's credentials, the same Call-ID, From tag
 * and a higher CSeq, in a new transaction that reports to the same listener. A
 * second challenge, a trunk without credentials or a challenge we cannot answer
 * (not MD5) goes to {@code inner} like any other failure, so the agent sees the
 * SIP cause.
 */
final class ChallengedInvite implements ResponseListener {
    private static final Logger LOG = Logger.getLogger(ChallengedInvite.class);

    private final SipNetwork network;
    private final TrunkCredentials credentials;
    private final ResponseListener inner;
    private final Consumer<ClientTransaction> resent;
    private volatile boolean answered;

    /**
     * @param credentials the trunk's, or null (then every challenge is a failure)
     * @param resent      told the new transaction before it is sent (to CANCEL the right one)
     */
    ChallengedInvite(SipNetwork network, TrunkCredentials credentials, ResponseListener inner, Consumer<ClientTransaction> resent) {
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
                retry.setApplicationData(this);
                resent.accept(retry);
                retry.sendRequest();
                return;
            }
        }
        inner.response(event);
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
        CSeqHeader cseq = (CSeqHeader) again.getHeader(CSeqHeader.NAME);
        cseq.setSeqNumber(cseq.getSeqNumber() + 1);
        String transport = ((ViaHeader) original.getHeader(ViaHeader.NAME)).getTransport();
        again.removeHeader(ViaHeader.NAME);
        again.addHeader(network.via(transport));
        ClientTransaction ct = network.provider().getNewClientTransaction(again);
        network.provider().getNewDialog(ct);
        return ct;
    }
}
