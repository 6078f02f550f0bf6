package org.sangdam.registrar.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The registrar for agent phones (R1.4, issue 5 item 1): who may bind which CTI
 * number, decided in the order of RFC 3261 §10.3.
 * <ol>
 * <li>A To URI without a user part is no extension at all: 404.</li>
 * <li>No credentials for our realm, or a nonce we did not issue: 401 challenge.
 *     No database lookup happens before a well-formed answer to a challenge, so
 *     unauthenticated floods cost nothing but a MAC.</li>
 * <li>Credentials for another user than the To URI's (agent 1001 trying to bind
 *     1002), an unknown extension and a wrong password all get the same 403: a
 *     scanner cannot tell which extensions exist (the reason Asterisk's
 *     {@code alwaysauthreject} exists).</li>
 * <li>The right password on a stale nonce, or a replayed nonce count: 401 with
 *     {@code stale=true}, so the phone retries with a fresh nonce.</li>
 * <li>The right password for an inactive agent or one without phone permission
 *     (R1.2): 403 with a reason saying so.</li>
 * <li>Then the binding changes (see {@link RegistrationBook}).</li>
 * </ol>
 */
public final class Registrar {
    static final String METHOD = "REGISTER";
    /** the one reason phrase for every credential failure, so none of them says more than the others */
    public static final String BAD_CREDENTIALS = "Forbidden";

    private final String realm;
    private final NonceIssuer nonces;
    private final NonceCounts counts = new NonceCounts();
    private final RegistrationBook book;
    private final Clock clock;

    public Registrar(String realm, NonceIssuer nonces, RegistrationBook book, Clock clock) {
        this.realm = realm;
        this.nonces = nonces;
        this.book = book;
        this.clock = clock;
    }

    public String realm() {
        return realm;
    }

    /**
     * Judges one REGISTER. {@code accounts} looks up the phone account of a CTI
     * number (the database); it is called at most once, and only for a well-formed
     * answer to one of our challenges.
     */
    public RegisterOutcome register(RegisterAttempt attempt, Function<String, Optional<PhoneAccount>> accounts) {
        Instant now = clock.instant();
        if (attempt.ctiNumber() == null || attempt.ctiNumber().isBlank()) {
            return new RegisterOutcome.NotFound("Not an extension");
        }
        Optional<RegisterAttempt.Authorization> ours = attempt.authorizations().stream()
                .filter(a -> realm.equals(a.credentials().realm())).findFirst();
        if (ours.isEmpty()) {
            return challenge(now, false);
        }
        DigestCredentials credentials = ours.get().credentials();
        if (!credentials.answersOurChallenge()) {
            return new RegisterOutcome.BadRequest("Digest must use MD5 and qop=auth");
        }
        NonceIssuer.Check nonce = nonces.check(credentials.nonce(), now);
        if (nonce.freshness() == NonceIssuer.Freshness.FORGED) {
            return challenge(now, false);
        }
        if (!ours.get().uriMatchesRequest()) {
            return new RegisterOutcome.BadRequest("Digest uri does not match the Request-URI");
        }
        if (!credentials.username().equals(attempt.ctiNumber())) {
            return new RegisterOutcome.Forbidden(BAD_CREDENTIALS);
        }
        Optional<PhoneAccount> account = accounts.apply(attempt.ctiNumber());
        if (account.isEmpty() || !realm.equals(account.get().realm())
                || !Digest.verifies(account.get().ha1(), METHOD, credentials)) {
            return new RegisterOutcome.Forbidden(BAD_CREDENTIALS);
        }
        if (nonce.freshness() == NonceIssuer.Freshness.STALE
                || !counts.advance(credentials.nonce(), credentials.nonceCount(), nonce.freshUntil())) {
            return challenge(now, true);
        }
        if (!account.get().active()) {
            return new RegisterOutcome.Forbidden("Account inactive");
        }
        if (!account.get().phonePermission()) {
            return new RegisterOutcome.Forbidden("No phone permission");
        }
        return book.apply(attempt.ctiNumber(), attempt.request(), now);
    }

    /** the live contacts of a CTI number, most recently registered first */
    public List<Binding> contactsOf(String ctiNumber) {
        return book.contactsOf(ctiNumber, clock.instant());
    }

    /** frees the memory of expired bindings and stale nonce counts */
    public void purge() {
        Instant now = clock.instant();
        book.purgeExpired(now);
        counts.purge(now);
    }

    private RegisterOutcome.Challenge challenge(Instant now, boolean stale) {
        return new RegisterOutcome.Challenge(realm, nonces.issue(now), stale);
    }
}
