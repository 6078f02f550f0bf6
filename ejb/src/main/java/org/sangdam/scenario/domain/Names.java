package org.sangdam.scenario.domain;

import org.sangdam.common.domain.ValidationException;

import java.util.regex.Pattern;

/** Prompt and queue names in a scenario: short, lower-case, safe in file names and URLs. */
public final class Names {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    private Names() {
    }

    public static String prompt(String field, String value) {
        return check(field, value, "a prompt name");
    }

    static String optionalPrompt(String field, String value) {
        return value == null ? null : prompt(field, value);
    }

    static String queue(String field, String value) {
        return check(field, value, "a queue name");
    }

    private static String check(String field, String value, String what) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field, field + " is required");
        }
        if (!NAME.matcher(value).matches()) {
            throw new ValidationException(field, field + " must be " + what
                    + ": 1-64 of a-z, 0-9, '-' and '_', starting with a letter or digit");
        }
        return value;
    }
}
