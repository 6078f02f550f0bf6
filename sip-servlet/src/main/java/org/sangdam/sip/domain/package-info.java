/**
 * Rules of the SIP layer that need no SIP stack: which requests a handler gets
 * and how the others are refused, and the layer's settings. Plain Java (no
 * Jakarta, no javax.sip), unit-tested.
 */
package org.sangdam.sip.domain;
