package org.sangdam.registrar.domain;

/**
 * Where a REGISTER came from (transport, address and port of the packet or
 * connection). Calls to a phone behind NAT must go there rather than to the
 * address written in its Contact.
 */
public record Source(String transport, String host, int port) {
    @Override
    public String toString() {
        return transport + ":" + host + ":" + port;
    }
}
