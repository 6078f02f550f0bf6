package org.sangdam.cti;

import java.util.List;

/** A trunk to create or replace; {@code port} defaults to 5060, {@code transport} to UDP. */
public record TrunkSpec(String name, String host, Integer port, String transport, List<String> allowedSources,
                        String authUsername, String authPassword) {
}
