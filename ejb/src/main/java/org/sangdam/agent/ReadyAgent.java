package org.sangdam.agent;

import java.time.Instant;

/** A Ready colleague the transfer dialog lists (R3.1). */
public record ReadyAgent(long userId, String displayName, String ctiNumber, Instant readySince) {
}
