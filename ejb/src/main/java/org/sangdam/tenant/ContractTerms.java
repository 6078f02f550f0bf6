package org.sangdam.tenant;

/** The contract's CTI switches (전화 CTI 사용 - IB / OB, R1.1). */
public record ContractTerms(Boolean ctiInbound, Boolean ctiOutbound) {
}
