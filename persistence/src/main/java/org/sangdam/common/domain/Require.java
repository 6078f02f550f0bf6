package org.sangdam.common.domain;

import java.util.regex.Pattern;

/** Small input checks that report the offending field. */
public final class Require {
    private Require() {
    }

    public static String text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field, field + " is required");
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw new ValidationException(field, field + " must be at most " + maxLength + " characters");
        }
        return trimmed;
    }

    public static String optionalText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return text(field, value, maxLength);
    }

    public static String matching(String field, String value, Pattern pattern, String rule) {
        String v = text(field, value, 255);
        if (!pattern.matcher(v).matches()) {
            throw new ValidationException(field, field + " " + rule);
        }
        return v;
    }

    public static int range(String field, Integer value, int min, int max) {
        if (value == null) {
            throw new ValidationException(field, field + " is required");
        }
        if (value < min || value > max) {
            throw new ValidationException(field, field + " must be between " + min + " and " + max);
        }
        return value;
    }

    public static <T> T present(String field, T value) {
        if (value == null) {
            throw new ValidationException(field, field + " is required");
        }
        return value;
    }
}
