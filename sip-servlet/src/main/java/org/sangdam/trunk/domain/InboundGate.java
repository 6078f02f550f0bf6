package org.sangdam.trunk.domain;

import org.sangdam.registrar.domain.RegisterAttempt;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Whether an INVITE from the network may become a call (issue 5 item 2, R2.4):
 * only from an allowed source address of a configured trunk, or with a trunk's
 * digest credentials ({@link TrunkAuthenticator}: 407 challenge, 403 when wrong or
 * when no trunk has credentials), and only for a configured inbound number (else
 * 404, asked only once the trunk is known). A number tied to a trunk enters only
 * through that trunk (404 through another, so a carrier cannot probe another
 * carrier's numbers). A refused INVITE changes nothing.
 */
public final class InboundGate {
    /** A configured inbound number: its normalised digits and the trunk it belongs to (null: any trunk). */
    public record Did(String number, Long trunkId) {
    }

    public sealed interface Verdict permits Admit, Refuse, Challenge {
    }

    public record Admit(TrunkRoute trunk, Did did) implements Verdict {
    }

    public record Refuse(int status, String reason) implements Verdict {
    }

    /** 407: answer with a trunk's credentials for {@code realm} and this {@code nonce} */
    public record Challenge(String realm, String nonce, boolean stale) implements Verdict {
    }

    private InboundGate() {
    }

    /**
     * @param trunks     every configured trunk
     * @param source     the packet's source address
     * @param dialled    the dialled number (Request-URI user part), as received
     * @param lookUpDid  finds a configured inbound number by the dialled text (normalising it), or empty
     */
    public static Verdict check(List<TrunkRoute> trunks, String source, String dialled, Function<String, Optional<Did>> lookUpDid) {
        return check(trunks, source, dialled, List.of(), null, lookUpDid);
    }

    /**
     * As above; an INVITE from a source no trunk lists may authenticate as a trunk.
     *
     * @param authorizations its {@code Proxy-Authorization} credentials
     * @param authenticator  checks them; null: by source address only
     */
    public static Verdict check(List<TrunkRoute> trunks, String source, String dialled,
                                List<RegisterAttempt.Authorization> authorizations, TrunkAuthenticator authenticator,
                                Function<String, Optional<Did>> lookUpDid) {
        List<TrunkRoute> from = trunks.stream().filter(t -> t.accepts(source)).toList();
        if (from.isEmpty()) {
            if (authenticator == null) {
                return new Refuse(403, "Forbidden (not a trunk)");
            }
            switch (authenticator.authenticate(trunks, authorizations)) {
                case TrunkAuthenticator.Authenticated a -> from = List.of(a.trunk());
                case TrunkAuthenticator.Challenge c -> {
                    return new Challenge(c.realm(), c.nonce(), c.stale());
                }
                case TrunkAuthenticator.Refused r -> {
                    return new Refuse(r.status(), r.reason());
                }
            }
        }
        if (dialled == null || dialled.isBlank()) {
            return new Refuse(404, "Not Found (no number dialled)");
        }
        Optional<Did> found;
        try {
            found = lookUpDid.apply(dialled);
        } catch (IllegalArgumentException notANumber) {
            found = Optional.empty();
        }
        if (found.isEmpty()) {
            return new Refuse(404, "Not Found");
        }
        Did did = found.get();
        Long owner = did.trunkId();
        Optional<TrunkRoute> trunk = from.stream().filter(t -> owner == null || owner == t.id()).findFirst();
        return trunk.<Verdict>map(t -> new Admit(t, did)).orElseGet(() -> new Refuse(404, "Not Found"));
    }
}
