package org.sangdam.phone.domain;

import org.sangdam.common.domain.ValidationException;

import java.util.regex.Pattern;

/**
 * Phone numbers as users type them, normalised to one stored form: E.164
 * ({@code +8221234567}). Accepted input: Korean national numbers with or without
 * separators (02-1234-5678, 031-123-4567, 010-1234-5678, 070-1234-5678,
 * 080-123-4567, 050-1234-5678), representative numbers (1588-1234, 1644-…, 1800-…),
 * and E.164 with any country code ({@code +82 2 1234 5678}, {@code +82 (0)10 …},
 * {@code +1 415 555 0100}). Spaces, hyphens, dots and parentheses are separators;
 * anything else is refused with the reason.
 */
public final class PhoneNumbers {
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-.()]");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    /** Korean area codes other than Seoul's 02. */
    private static final Pattern AREA = Pattern.compile("0(3[1-3]|4[1-4]|5[1-5]|6[1-4])");
    private static final Pattern REPRESENTATIVE = Pattern.compile("1(5[2-9]\\d|6\\d\\d|8\\d\\d)\\d{4}");

    private PhoneNumbers() {
    }

    /**
     * @param field the input's name, for the error message
     * @return the number in E.164
     * @throws ValidationException naming {@code field} when the number is not a valid one
     */
    public static String normalise(String field, String input) {
        if (input == null || input.isBlank()) {
            throw new ValidationException(field, field + " is required");
        }
        String compact = SEPARATORS.matcher(input.strip()).replaceAll("");
        boolean international = compact.startsWith("+");
        String digits = international ? compact.substring(1) : compact;
        if (!DIGITS.matcher(digits).matches()) {
            throw new ValidationException(field, field + " may contain only digits, spaces, hyphens, dots, parentheses and a leading +: " + input);
        }
        if (international) {
            if (digits.startsWith("82")) {
                String national = digits.substring(2);
                // "+82 (0)2 …" and "+82 02 …": the trunk prefix is dropped; representative numbers have none
                boolean keep = national.startsWith("0") || REPRESENTATIVE.matcher(national).matches();
                return korean(field, input, keep ? national : "0" + national);
            }
            if (digits.startsWith("0")) {
                throw new ValidationException(field, field + " has no country code after +: " + input);
            }
            if (digits.length() < 8 || digits.length() > 15) {
                throw new ValidationException(field, field + " must have 8 to 15 digits in E.164 form: " + input);
            }
            return "+" + digits;
        }
        if (digits.startsWith("00")) {
            throw new ValidationException(field, field + ": write international numbers as +<country code>…: " + input);
        }
        return korean(field, input, digits);
    }

    private static String korean(String field, String input, String national) {
        if (isKoreanNational(national)) {
            return "+82" + (national.startsWith("0") ? national.substring(1) : national);
        }
        throw new ValidationException(field, field + " is not a valid Korean phone number: " + input);
    }

    private static boolean isKoreanNational(String n) {
        int len = n.length();
        if (REPRESENTATIVE.matcher(n).matches()) {
            return true;
        }
        if (n.startsWith("02")) {
            return (len == 9 || len == 10) && n.charAt(2) != '0';
        }
        if (n.length() >= 3 && AREA.matcher(n.substring(0, 3)).matches()) {
            return (len == 10 || len == 11) && n.charAt(3) != '0';
        }
        if (n.startsWith("010")) {
            return len == 11;
        }
        if (n.matches("01[16789]\\d*")) {
            return len == 10 || len == 11;
        }
        if (n.startsWith("070")) {
            return len == 11;
        }
        if (n.startsWith("080")) {
            return len == 10 || len == 11;
        }
        if (n.startsWith("050")) {
            return len == 11 || len == 12;
        }
        return false;
    }

    /** The Korean way of writing a stored number (02-1234-5678); other countries stay in E.164. */
    public static String display(String e164) {
        if (e164 == null || !e164.startsWith("+82") || e164.length() < 10) {
            return e164;
        }
        String rest = e164.substring(3);
        if (REPRESENTATIVE.matcher(rest).matches()) {
            return rest.substring(0, 4) + "-" + rest.substring(4);
        }
        String n = "0" + rest;
        int areaLength = n.startsWith("02") ? 2 : (n.startsWith("050") && n.length() == 12 ? 4 : 3);
        String area = n.substring(0, areaLength);
        String local = n.substring(areaLength);
        int split = local.length() - 4;
        return area + "-" + local.substring(0, split) + "-" + local.substring(split);
    }
}
