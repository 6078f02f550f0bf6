package org.sangdam.sip;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The live call legs by Call-ID (each leg we take part in has its own), for routing in-dialog requests. */
public final class LegDirectory {
    private final Map<String, LegListener> legs = new ConcurrentHashMap<>();

    public void add(String callId, LegListener leg) {
        legs.put(callId, leg);
    }

    public void remove(String callId) {
        legs.remove(callId);
    }

    public Optional<LegListener> find(String callId) {
        return callId == null ? Optional.empty() : Optional.ofNullable(legs.get(callId));
    }

    public int size() {
        return legs.size();
    }
}
