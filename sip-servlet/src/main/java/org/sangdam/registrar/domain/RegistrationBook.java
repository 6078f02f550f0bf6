package org.sangdam.registrar.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live bindings of every CTI number: RFC 3261 §10.3 steps 6–8. Each number
 * may have several contacts (desk phone and softphone); at most
 * {@code maxContacts}, beyond which the oldest are dropped, because a phone that
 * restarts on a new port without {@code +sip.instance} would otherwise leave a
 * stale binding for up to an hour. A request is applied all or nothing, and
 * atomically per number.
 * <p>
 * Expired bindings are never returned; {@link #purgeExpired} only frees memory.
 */
public final class RegistrationBook {
    private static final Comparator<Binding> NEWEST_FIRST =
            Comparator.comparing(Binding::registeredAt).thenComparing(Binding::cseq).reversed();

    private final ExpiryPolicy expiry;
    private final int maxContacts;
    private final Map<String, List<Binding>> byNumber = new ConcurrentHashMap<>();

    public RegistrationBook(ExpiryPolicy expiry, int maxContacts) {
        if (maxContacts < 1) {
            throw new IllegalArgumentException("maxContacts must be at least 1");
        }
        this.expiry = expiry;
        this.maxContacts = maxContacts;
    }

    public ExpiryPolicy expiry() {
        return expiry;
    }

    /** Applies one (authenticated, authorised) REGISTER for {@code ctiNumber}. */
    public RegisterOutcome apply(String ctiNumber, RegisterRequest request, Instant now) {
        if (request.wildcard() && (!request.contacts().isEmpty() || !Integer.valueOf(0).equals(request.expiresHeader()))) {
            return new RegisterOutcome.BadRequest("Contact: * needs Expires: 0 and no other Contact");
        }
        int[] grants = new int[request.contacts().size()];
        for (int i = 0; i < grants.length; i++) {
            OptionalInt granted = expiry.grant(request.contacts().get(i).expires(), request.expiresHeader());
            if (granted.isEmpty()) {
                return new RegisterOutcome.IntervalTooBrief(expiry.minSeconds());
            }
            grants[i] = granted.getAsInt();
        }
        RegisterOutcome[] outcome = new RegisterOutcome[1];
        byNumber.compute(ctiNumber, (number, current) -> {
            List<Binding> live = current == null ? new ArrayList<>()
                    : new ArrayList<>(current.stream().filter(b -> b.isLiveAt(now)).toList());
            if (request.isQuery()) {
                outcome[0] = registered(number, live, now);
                return live.isEmpty() ? null : live;
            }
            List<Binding> next = request.wildcard() ? removeAll(live, request) : update(number, live, request, grants, now);
            if (next == null) {
                outcome[0] = new RegisterOutcome.BadRequest("CSeq out of order");
                return live.isEmpty() ? null : live;
            }
            outcome[0] = registered(number, next, now);
            return next.isEmpty() ? null : next;
        });
        return outcome[0];
    }

    /** the live contacts of a CTI number, most recently registered first */
    public List<Binding> contactsOf(String ctiNumber, Instant now) {
        List<Binding> all = byNumber.getOrDefault(ctiNumber, List.of());
        return all.stream().filter(b -> b.isLiveAt(now)).sorted(NEWEST_FIRST).toList();
    }

    /** forgets expired bindings; returns how many */
    public int purgeExpired(Instant now) {
        int[] removed = {0};
        for (String number : List.copyOf(byNumber.keySet())) {
            byNumber.computeIfPresent(number, (n, bindings) -> {
                List<Binding> live = bindings.stream().filter(b -> b.isLiveAt(now)).toList();
                removed[0] += bindings.size() - live.size();
                return live.isEmpty() ? null : live;
            });
        }
        return removed[0];
    }

    /** how many CTI numbers hold at least one binding (expired ones not yet purged included) */
    public int numbers() {
        return byNumber.size();
    }

    private static RegisterOutcome registered(String number, List<Binding> bindings, Instant now) {
        return new RegisterOutcome.Registered(number, bindings.stream().sorted(NEWEST_FIRST).toList(), now);
    }

    /** null when an update from the same Call-ID is not newer than what we hold (reordered or replayed) */
    private static List<Binding> removeAll(List<Binding> live, RegisterRequest request) {
        for (Binding b : live) {
            if (outOfOrder(b, request)) {
                return null;
            }
        }
        return new ArrayList<>();
    }

    private List<Binding> update(String number, List<Binding> live, RegisterRequest request, int[] grants, Instant now) {
        List<Binding> next = new ArrayList<>(live);
        for (int i = 0; i < grants.length; i++) {
            ContactUpdate contact = request.contacts().get(i);
            List<Binding> same = next.stream().filter(b -> b.sameContactAs(contact)).toList();
            for (Binding b : same) {
                if (outOfOrder(b, request)) {
                    return null;
                }
            }
            next.removeAll(same);
            if (grants[i] > 0) {
                next.add(new Binding(number, contact.uri(), contact.instanceId(), request.callId(), request.cseq(),
                        now, now.plusSeconds(grants[i]), request.source(), request.userAgent()));
            }
        }
        if (next.size() > maxContacts) {
            next.sort(NEWEST_FIRST);
            next = new ArrayList<>(next.subList(0, maxContacts));
        }
        return next;
    }

    private static boolean outOfOrder(Binding existing, RegisterRequest request) {
        return existing.callId().equals(request.callId()) && request.cseq() <= existing.cseq();
    }
}
