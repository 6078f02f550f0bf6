package org.sangdam.trunk.domain;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * One allowed-source entry of a trunk: an IP address or a CIDR block, IPv4 or IPv6,
 * as {@code org.sangdam.cti.domain.NetworkAddresses} validated it. Matching is on
 * the literal address of the packet's source, so no name is ever resolved.
 */
public final class AddressBlock {
    private final byte[] network;
    private final int prefix;
    private final String text;

    private AddressBlock(byte[] network, int prefix, String text) {
        this.network = network;
        this.prefix = prefix;
        this.text = text;
    }

    /** @throws IllegalArgumentException for anything but an IP literal with an optional /prefix */
    public static AddressBlock parse(String entry) {
        String v = entry.strip();
        String[] parts = v.split("/", -1);
        byte[] address = literal(parts[0]);
        int max = address.length * 8;
        int prefix = max;
        if (parts.length == 2) {
            try {
                prefix = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a CIDR prefix: " + entry, e);
            }
        }
        if (parts.length > 2 || prefix < 0 || prefix > max) {
            throw new IllegalArgumentException("not an address or CIDR block: " + entry);
        }
        return new AddressBlock(mask(address, prefix), prefix, v);
    }

    /** true when {@code address} (an IP literal) lies in this block; false for anything unparseable */
    public boolean contains(String address) {
        byte[] a;
        try {
            a = literal(address);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return a.length == network.length && Arrays.equals(mask(a, prefix), network);
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] out = address.clone();
        for (int i = 0; i < out.length; i++) {
            int bits = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] = (byte) (out[i] & (0xFF << (8 - bits)));
        }
        return out;
    }

    private static byte[] literal(String s) {
        String v = s == null ? "" : s.strip();
        if (v.startsWith("[") && v.endsWith("]")) {
            v = v.substring(1, v.length() - 1);
        }
        boolean ipv4 = v.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = v.contains(":") && v.matches("[0-9a-fA-F:.%a-zA-Z0-9]+");
        if (!ipv4 && !ipv6) {
            throw new IllegalArgumentException("not an IP address: " + s);
        }
        try {
            // an IP literal only: getByName resolves nothing for these
            byte[] raw = InetAddress.getByName(v).getAddress();
            if (raw.length == 16 && isV4Mapped(raw)) {
                return Arrays.copyOfRange(raw, 12, 16);
            }
            return raw;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + s, e);
        }
    }

    private static boolean isV4Mapped(byte[] raw) {
        for (int i = 0; i < 10; i++) {
            if (raw[i] != 0) {
                return false;
            }
        }
        return raw[10] == (byte) 0xFF && raw[11] == (byte) 0xFF;
    }

    @Override
    public String toString() {
        return text;
    }
}
