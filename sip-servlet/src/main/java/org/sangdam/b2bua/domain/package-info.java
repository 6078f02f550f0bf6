/**
 * The B2BUA's per-call rules in plain Java (issue 5 items 3, 4 and 6): which legs a
 * call has, what each SIP event on a leg does to the others (bridge, music,
 * ringback, BYE, CANCEL) and what the CTI core is told. The SIP glue in
 * {@code org.sangdam.b2bua} feeds events in and carries out the returned effects.
 * No Jakarta, no javax.sip, no media engine.
 */
package org.sangdam.b2bua.domain;
