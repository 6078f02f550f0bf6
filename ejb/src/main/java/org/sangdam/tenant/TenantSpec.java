package org.sangdam.tenant;

/** A new or renamed service; the contract switches default to off. */
public record TenantSpec(String name, Boolean ctiInbound, Boolean ctiOutbound) {
}
