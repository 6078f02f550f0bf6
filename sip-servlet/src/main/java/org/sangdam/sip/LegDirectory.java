package org.sangdam.sip;

import javax.sip.address.Hop;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live call legs by Call-ID (each leg we take part in has its own), for routing
 * in-dialog requests to their handler, and the hop each leg's requests must take
 * when it is not their Request-URI (a phone behind NAT; see {@link LegRouter}).
 */
public final class LegDirectory {
    private final Map<String, LegListener> legs = new ConcurrentHashMap<>();
    private final Map<String, Hop> hops = new ConcurrentHashMap<>();
    private final Map<String, SessionRefresh> refreshes = new ConcurrentHashMap<>();

    public void add(String callId, LegListener leg) {
        legs.put(callId, leg);
    }

    /** every request of this leg goes to {@code hop}, until {@link #remove} */
    public void sendVia(String callId, Hop hop) {
        hops.put(callId, hop);
    }

    public Optional<Hop> hopOf(String callId) {
        return callId == null ? Optional.empty() : Optional.ofNullable(hops.get(callId));
    }

    /** the leg's session timer, until {@link #remove} */
    public void onRefresh(String callId, SessionRefresh refresh) {
        refreshes.put(callId, refresh);
    }

    public Optional<SessionRefresh> refreshOf(String callId) {
        return callId == null ? Optional.empty() : Optional.ofNullable(refreshes.get(callId));
    }

    public void remove(String callId) {
        legs.remove(callId);
        hops.remove(callId);
        SessionRefresh refresh = refreshes.remove(callId);
        if (refresh != null) {
            refresh.stop();
        }
    }

    public Optional<LegListener> find(String callId) {
        return callId == null ? Optional.empty() : Optional.ofNullable(legs.get(callId));
    }

    public int size() {
        return legs.size();
    }
}
