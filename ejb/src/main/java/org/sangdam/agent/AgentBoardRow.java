package org.sangdam.agent;

import java.time.Instant;

/**
 * One CTI agent on the service's status board (R2.3, 상담원 현황): who, their CTI
 * number, their current CTI status ({@code LOGGED_OUT} until their first CTI login),
 * its reason and since when.
 */
public record AgentBoardRow(long userId, String username, String displayName, String ctiNumber,
                            String state, String reason, Instant since) {
}
