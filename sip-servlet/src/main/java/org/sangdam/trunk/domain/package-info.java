/**
 * The trunk rules in plain Java (issue 5 item 2): which source addresses a trunk
 * accepts INVITEs from (IPs and CIDR blocks), and whether an INVITE from a source
 * for a number may enter at all (403 unknown source, 404 unknown number). No
 * Jakarta, no javax.sip.
 */
package org.sangdam.trunk.domain;
