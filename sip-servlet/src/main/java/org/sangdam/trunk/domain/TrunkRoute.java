package org.sangdam.trunk.domain;

import java.util.List;

/**
 * A trunk as the SIP layer needs it: its id and name, where outbound calls go,
 * the blocks inbound INVITEs are accepted from, and its digest credentials
 * (null: none), with which its INVITEs from elsewhere are accepted too and with
 * which we answer the carrier's challenges.
 */
public record TrunkRoute(long id, String name, String host, int port, String transport, List<AddressBlock> sources,
                         TrunkCredentials credentials) {
    public TrunkRoute {
        sources = List.copyOf(sources);
    }

    public TrunkRoute(long id, String name, String host, int port, String transport, List<AddressBlock> sources) {
        this(id, name, host, port, transport, sources, null);
    }

    /** from the stored comma-separated list; an entry that no longer parses is left out (it can match nothing) */
    public static TrunkRoute of(long id, String name, String host, int port, String transport, String allowedSources) {
        return of(id, name, host, port, transport, allowedSources, null);
    }

    public static TrunkRoute of(long id, String name, String host, int port, String transport, String allowedSources,
                                TrunkCredentials credentials) {
        List<AddressBlock> blocks = new java.util.ArrayList<>();
        for (String entry : allowedSources == null ? new String[0] : allowedSources.split(",")) {
            if (!entry.isBlank()) {
                try {
                    blocks.add(AddressBlock.parse(entry));
                } catch (IllegalArgumentException ignored) {
                    // validated on the way in; a stale entry simply matches nothing
                }
            }
        }
        return new TrunkRoute(id, name, host, port, transport == null ? "udp" : transport, blocks, credentials);
    }

    public boolean accepts(String sourceAddress) {
        return sources.stream().anyMatch(b -> b.contains(sourceAddress));
    }
}
