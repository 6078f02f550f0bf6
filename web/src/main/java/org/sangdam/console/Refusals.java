package org.sangdam.console;

import org.sangdam.common.domain.SangdamException;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A refusal said in the console's language: a refusal the core named
 * ({@link SangdamException#code()}) is {@code refusal.<code>} from the bundle, its
 * arguments shown by their labels where the bundle has one ({@code state.<name>} for a
 * status, {@code refusal.event.<name>} for an action); a refusal without a name, or one
 * the bundle does not know, keeps the core's English text.
 */
public final class Refusals {
    private Refusals() {
    }

    public static String text(ResourceBundle bundle, SangdamException e) {
        if (bundle == null || e.code() == null || !bundle.containsKey("refusal." + e.code())) {
            return e.getMessage();
        }
        Object[] args = e.args();
        for (int i = 0; i < args.length; i++) {
            args[i] = label(bundle, args[i]);
        }
        Locale locale = bundle.getLocale() == null ? Locale.ROOT : bundle.getLocale();
        return new MessageFormat(bundle.getString("refusal." + e.code()), locale).format(args);
    }

    private static Object label(ResourceBundle bundle, Object arg) {
        if (arg instanceof String name) {
            for (String key : new String[]{"state." + name, "refusal.event." + name}) {
                if (bundle.containsKey(key)) {
                    return bundle.getString(key);
                }
            }
        }
        return arg;
    }
}
