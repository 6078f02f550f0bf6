/**
 * Telephony inside the server: the JAIN-SIP stack, servlet-style handlers per leg
 * kind (trunk inbound/outbound, agent endpoint, registrar), the B2BUA and the RTP
 * media engine. Handlers translate SIP to domain events and carry out the effects
 * the core returns; no call rules live here. Built by the SIP issue (#5).
 */
package org.sangdam.sip;
