package org.sangdam.trunk.domain;

import java.util.List;

/**
 * A trunk as the SIP layer needs it: its id and name, where outbound calls go,
 * and the blocks inbound INVITEs are accepted from.
 */
public record TrunkRoute(long id, String name, String host, int port, String transport, List<AddressBlock> sources) {
    public TrunkRoute {
        sources = List.copyOf(sources);
    }

    /** from the stored comma-separated list; an entry that no longer parses is left out (it can match nothing) */
    public static TrunkRoute of(long id, String name, String host, int port, String transport, String allowedSources) {
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
        return new TrunkRoute(id, name, host, port, transport == null ? "udp" : transport, blocks);
    }

    public boolean accepts(String sourceAddress) {
        return sources.stream().anyMatch(b -> b.contains(sourceAddress));
    }
}
