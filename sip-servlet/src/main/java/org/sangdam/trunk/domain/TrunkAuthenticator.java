package org.sangdam.trunk.domain;

import org.sangdam.registrar.domain.Digest;
import org.sangdam.registrar.domain.DigestCredentials;
import org.sangdam.registrar.domain.NonceCounts;
import org.sangdam.registrar.domain.NonceIssuer;
import org.sangdam.registrar.domain.RegisterAttempt;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Which trunk an INVITE from an address no trunk lists comes from, by the trunk's
 * digest credentials (issue 5 item 2): the proxy challenge of RFC 3261 §22.3 (407
 * with {@code Proxy-Authenticate}), with the registrar's nonces, replay check and
 * digest, in the same order as the registrar decides
 * ({@link org.sangdam.registrar.domain.Registrar}):
 * <ol>
 * <li>no trunk has credentials: 403, as before (nothing to authenticate with);</li>
 * <li>no credentials for our realm, or a nonce we did not issue: challenge;</li>
 * <li>not MD5 with qop=auth, or a digest-uri that names neither the Request-URI nor
 *     its server ({@code sip:host:port}): 400;</li>
 * <li>an unknown username or a wrong password: the same 403 for both;</li>
 * <li>the right password on a stale nonce or a replayed nonce count: challenge with
 *     {@code stale=true};</li>
 * <li>else the trunk whose credentials they are.</li>
 * </ol>
 */
public final class TrunkAuthenticator {
    static final String METHOD = "INVITE";

    public sealed interface Outcome permits Authenticated, Challenge, Refused {
    }

    public record Authenticated(TrunkRoute trunk) implements Outcome {
    }

    public record Challenge(String realm, String nonce, boolean stale) implements Outcome {
    }

    public record Refused(int status, String reason) implements Outcome {
    }

    private final String realm;
    private final NonceIssuer nonces;
    private final NonceCounts counts = new NonceCounts();
    private final Clock clock;

    public TrunkAuthenticator(String realm, NonceIssuer nonces, Clock clock) {
        this.realm = realm;
        this.nonces = nonces;
        this.clock = clock;
    }

    public String realm() {
        return realm;
    }

    /**
     * @param trunks         every configured trunk
     * @param authorizations the INVITE's {@code Proxy-Authorization} credentials, each with
     *                       whether its digest-uri names the Request-URI
     */
    public Outcome authenticate(List<TrunkRoute> trunks, List<RegisterAttempt.Authorization> authorizations) {
        Instant now = clock.instant();
        List<TrunkRoute> withCredentials = trunks.stream().filter(t -> t.credentials() != null).toList();
        if (withCredentials.isEmpty()) {
            return new Refused(403, "Forbidden (not a trunk)");
        }
        Optional<RegisterAttempt.Authorization> ours = authorizations.stream()
                .filter(a -> realm.equals(a.credentials().realm())).findFirst();
        if (ours.isEmpty()) {
            return challenge(now, false);
        }
        DigestCredentials c = ours.get().credentials();
        if (!c.answersOurChallenge()) {
            return new Refused(400, "Bad Request (Digest must use MD5 and qop=auth)");
        }
        NonceIssuer.Check nonce = nonces.check(c.nonce(), now);
        if (nonce.freshness() == NonceIssuer.Freshness.FORGED) {
            return challenge(now, false);
        }
        if (!ours.get().uriMatchesRequest()) {
            return new Refused(400, "Bad Request (Digest uri does not match the Request-URI)");
        }
        Optional<TrunkRoute> trunk = withCredentials.stream().filter(t -> t.credentials().username().equals(c.username())).findFirst();
        if (trunk.isEmpty() || !Digest.verifies(trunk.get().credentials().ha1(realm), METHOD, c)) {
            return new Refused(403, "Forbidden");
        }
        if (nonce.freshness() == NonceIssuer.Freshness.STALE || !counts.advance(c.nonce(), c.nonceCount(), nonce.freshUntil())) {
            return challenge(now, true);
        }
        return new Authenticated(trunk.get());
    }

    /** frees the memory of stale nonce counts */
    public void purge() {
        counts.purge(clock.instant());
    }

    private Challenge challenge(Instant now, boolean stale) {
        return new Challenge(realm, nonces.issue(now), stale);
    }
}
