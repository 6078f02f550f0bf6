package org.sangdam.phone.domain;

import org.sangdam.common.domain.ValidationException;

import java.util.regex.Pattern;

/** Internal extension numbers (an agent's CTI number, 내선번호): 3 to 6 digits, not starting with 0. */
public final class Extensions {
    private static final Pattern EXTENSION = Pattern.compile("[1-9]\\d{2,5}");

    private Extensions() {
    }

    public static String normalise(String field, String input) {
        if (input == null || input.isBlank()) {
            throw new ValidationException(field, field + " is required");
        }
        String v = input.strip();
        if (!EXTENSION.matcher(v).matches()) {
            throw new ValidationException(field, field + " must be an extension of 3 to 6 digits not starting with 0: " + input);
        }
        return v;
    }
}
