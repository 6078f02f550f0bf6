/**
 * The registrar's rules in plain Java (R1.4, issue 5 item 1): digest authentication
 * of agent phones (RFC 2617 / RFC 3261 §22), nonces with an expiry, the expiry
 * arithmetic of bindings and the bookkeeping of several contacts per CTI number
 * (RFC 3261 §10.3). No Jakarta, no javax.sip: the SIP glue in
 * {@code org.sangdam.registrar} translates messages to these types and back.
 */
package org.sangdam.registrar.domain;
