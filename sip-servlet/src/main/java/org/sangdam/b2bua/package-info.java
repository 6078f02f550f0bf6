/**
 * The B2BUA (issue 5 items 2–4): the SIP glue of phone calls. One handler per leg
 * kind — {@link org.sangdam.b2bua.TrunkInboundHandler} (the customer's INVITE from a
 * trunk), {@link org.sangdam.b2bua.AgentEndpointHandler} (our INVITEs to the agent's
 * phones), {@link org.sangdam.b2bua.TrunkOutboundHandler} (our INVITE to the customer
 * through the trunk) — and {@link org.sangdam.b2bua.SipTelephony}, the CTI core's
 * {@code TelephonyPort}. The handlers translate SIP into events of
 * {@link org.sangdam.b2bua.domain.B2buaCall} and carry out the effects it returns;
 * the call rules live there and in the CTI core.
 */
package org.sangdam.b2bua;
