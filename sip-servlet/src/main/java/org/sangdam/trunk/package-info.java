/**
 * Trunks to carriers as the SIP layer reads them (R1.3): their source blocks, where
 * outbound calls go, and the inbound numbers (DIDs). The rules are in
 * {@code org.sangdam.trunk.domain}; the call legs in {@code org.sangdam.b2bua}.
 */
package org.sangdam.trunk;
