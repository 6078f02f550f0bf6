package org.sangdam.user;

import org.sangdam.common.domain.Require;
import org.sangdam.common.domain.ValidationException;

import java.util.regex.Pattern;

/** What a username and a password must look like. */
final class UserRules {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    static final int MIN_PASSWORD = 8;

    private UserRules() {
    }

    static String username(String raw) {
        return Require.matching("username", raw == null ? null : raw.strip().toLowerCase(java.util.Locale.ROOT), USERNAME,
                "must be 3 to 64 characters: lower-case letters, digits, '.', '_' or '-'");
    }

    static String password(String field, String raw, int min) {
        if (raw == null || raw.length() < min) {
            throw new ValidationException(field, field + " must have at least " + min + " characters");
        }
        if (raw.length() > 128) {
            throw new ValidationException(field, field + " must be at most 128 characters");
        }
        return raw;
    }
}
