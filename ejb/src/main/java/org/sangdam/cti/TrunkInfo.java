package org.sangdam.cti;

import java.util.Arrays;
import java.util.List;

/** A SIP trunk as the API shows it; the carrier password is never shown back. */
public record TrunkInfo(long id, String name, String host, int port, String transport,
                        List<String> allowedSources, String authUsername, boolean hasPassword) {
    static TrunkInfo of(SipTrunk t) {
        return new TrunkInfo(t.getId(), t.getName(), t.getHost(), t.getPort(), t.getTransport(),
                Arrays.stream(t.getAllowedSources().split(",")).filter(a -> !a.isBlank()).toList(), t.getAuthUsername(),
                t.getAuthPassword() != null);
    }
}
