package org.sangdam.sip.domain;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What happens to a request before any handler sees it, by method (RFC 3261
 * §8.2.1, §9.2, §12.2.2): a method a handler is registered for is handled; ACK
 * needs no answer; CANCEL and BYE that reach us match no transaction or dialog
 * (481); a method SIP defines but we do not serve gets 405 with {@code Allow};
 * anything else 501. Where INVITE is served, its call legs also answer BYE, CANCEL,
 * INFO and UPDATE (RFC 3311, the session refresh of RFC 4028) inside their dialogs:
 * {@code Allow} lists them, and an UPDATE or INFO outside any dialog gets 481.
 */
public final class MethodPolicy {
    public enum Disposition { HANDLE, IGNORE, DOES_NOT_EXIST, NOT_ALLOWED, NOT_IMPLEMENTED }

    /** the methods of RFC 3261 and its extensions in common use */
    private static final Set<String> KNOWN = Set.of("INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "REGISTER",
            "PRACK", "SUBSCRIBE", "NOTIFY", "PUBLISH", "INFO", "REFER", "MESSAGE", "UPDATE");
    /** the order methods are listed in Allow headers */
    private static final List<String> ORDER = List.of("INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "REGISTER",
            "PRACK", "SUBSCRIBE", "NOTIFY", "PUBLISH", "INFO", "REFER", "MESSAGE", "UPDATE");

    /** what the legs of a call answer inside their dialog (ACK needs no answer, CANCEL is the stack's) */
    private static final Set<String> IN_DIALOG = Set.of("ACK", "BYE", "CANCEL", "INFO", "UPDATE");

    /** what a call leg accepts in its dialog, for the Allow of our INVITEs and of our 2xx to INVITEs and re-INVITEs */
    public static final List<String> IN_CALL = ORDER.stream().filter(m -> m.equals("INVITE") || m.equals("OPTIONS") || IN_DIALOG.contains(m)).toList();

    private final Set<String> handled;
    private final boolean dialogs;

    public MethodPolicy(Collection<String> handled) {
        this.handled = Set.copyOf(handled.stream().map(m -> m.toUpperCase(Locale.ROOT)).toList());
        this.dialogs = this.handled.contains("INVITE");
    }

    public Disposition of(String method) {
        if (handled.contains(method)) {
            return Disposition.HANDLE;
        }
        return switch (method) {
            case "ACK" -> Disposition.IGNORE;
            case "CANCEL", "BYE" -> Disposition.DOES_NOT_EXIST;
            case "UPDATE", "INFO" -> dialogs ? Disposition.DOES_NOT_EXIST : Disposition.NOT_ALLOWED;
            default -> KNOWN.contains(method) ? Disposition.NOT_ALLOWED : Disposition.NOT_IMPLEMENTED;
        };
    }

    /** the handled methods, and those the legs answer in their dialogs, in the conventional order, for Allow headers */
    public List<String> allowed() {
        return ORDER.stream().filter(m -> handled.contains(m) || (dialogs && IN_DIALOG.contains(m))).toList();
    }
}
