package org.sangdam.cti.domain;

import org.sangdam.common.domain.ValidationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Trunk addresses as an administrator types them: a host (name or IP literal) and
 * the source addresses inbound INVITEs may come from (IPs or CIDR blocks). Checked
 * by form only: nothing here resolves a name.
 */
public final class NetworkAddresses {
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:]*:[0-9a-fA-F:.]*");
    private static final Pattern HOSTNAME = Pattern.compile("(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)(\\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*");

    private NetworkAddresses() {
    }

    public static String host(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new ValidationException(field, field + " is required");
        }
        String v = raw.strip().toLowerCase(Locale.ROOT);
        if (IPV4.matcher(v).matches() || isIpv6(v) || (HOSTNAME.matcher(v).matches() && !v.matches("[\\d.]+"))) {
            return v;
        }
        throw new ValidationException(field, field + " must be a host name or an IP address: " + raw);
    }

    /** @return the entries, trimmed; at least one */
    public static List<String> sources(String field, List<String> raw) {
        if (raw == null || raw.isEmpty()) {
            throw new ValidationException(field, field + " needs at least one address or CIDR block");
        }
        List<String> out = new ArrayList<>();
        for (String entry : raw) {
            String v = entry == null ? "" : entry.strip().toLowerCase(Locale.ROOT);
            String[] parts = v.split("/", -1);
            boolean v4 = IPV4.matcher(parts[0]).matches();
            boolean v6 = !v4 && isIpv6(parts[0]);
            boolean ok = (v4 || v6) && parts.length <= 2
                    && (parts.length == 1 || prefix(parts[1], v4 ? 32 : 128));
            if (!ok) {
                throw new ValidationException(field, field + " entries must be IP addresses or CIDR blocks: " + entry);
            }
            out.add(v);
        }
        return out;
    }

    private static boolean isIpv6(String v) {
        if (!IPV6.matcher(v).matches() || v.length() > 45) {
            return false;
        }
        int doubleColons = v.split("::", -1).length - 1;
        if (doubleColons > 1) {
            return false;
        }
        String[] groups = v.split(":", -1);
        if (groups.length > 8 || (doubleColons == 0 && groups.length != 8 && !v.contains("."))) {
            return false;
        }
        for (String g : groups) {
            if (g.length() > 4 && !IPV4.matcher(g).matches()) {
                return false;
            }
        }
        return true;
    }

    private static boolean prefix(String s, int max) {
        if (!s.matches("\\d{1,3}")) {
            return false;
        }
        int n = Integer.parseInt(s);
        return n >= 0 && n <= max;
    }
}
