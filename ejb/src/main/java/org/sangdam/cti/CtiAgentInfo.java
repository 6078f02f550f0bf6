package org.sangdam.cti;

/** An agent's CTI identity (R1.4); the SIP password is never shown back. */
public record CtiAgentInfo(long userId, long serviceId, String ctiId, String ctiNumber, String sipRealm) {
    static CtiAgentInfo of(CtiAgent a) {
        return new CtiAgentInfo(a.getUserId(), a.getTenantId(), a.getCtiId(), a.getCtiNumber(), a.getSipRealm());
    }
}
