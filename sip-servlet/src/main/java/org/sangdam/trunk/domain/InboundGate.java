package org.sangdam.trunk.domain;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Whether an INVITE from the network may become a call (issue 5 item 2, R2.4):
 * only from an allowed source address of a configured trunk (else 403) and only
 * for a configured inbound number (else 404). A number tied to a trunk enters only
 * through that trunk (404 through another, so a carrier cannot probe another
 * carrier's numbers). A refused INVITE changes nothing.
 */
public final class InboundGate {
    /** A configured inbound number: its normalised digits and the trunk it belongs to (null: any trunk). */
    public record Did(String number, Long trunkId) {
    }

    public sealed interface Verdict permits Admit, Refuse {
    }

    public record Admit(TrunkRoute trunk, Did did) implements Verdict {
    }

    public record Refuse(int status, String reason) implements Verdict {
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
        List<TrunkRoute> from = trunks.stream().filter(t -> t.accepts(source)).toList();
        if (from.isEmpty()) {
            return new Refuse(403, "Forbidden (not a trunk)");
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
