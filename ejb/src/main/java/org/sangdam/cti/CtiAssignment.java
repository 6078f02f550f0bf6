package org.sangdam.cti;

/** CTI ID, CTI number (extension) and the SIP password the agent's phone registers with; the password may be left out when re-assigning. */
public record CtiAssignment(String ctiId, String ctiNumber, String sipPassword) {
}
