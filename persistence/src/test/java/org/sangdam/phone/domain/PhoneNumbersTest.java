package org.sangdam.phone.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sangdam.common.domain.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@DisplayName("R1.3/R1.5/R1.6 phone numbers: validation and normalisation to E.164")
class PhoneNumbersTest {

    private static final String FIELD = "number";

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @DisplayName("R1.3/R1.5/R1.6 Korean national numbers, with or without separators, are stored in E.164")
    @CsvSource(delimiter = '|', value = {
            // Seoul 02, 8-digit and 7-digit local part
            "02-2345-6789       | +82223456789",
            "0223456789         | +82223456789",
            "02 2345 6789       | +82223456789",
            "02.2345.6789       | +82223456789",
            "(02) 2345-6789     | +82223456789",
            "02-312-3456        | +8223123456",
            // other area codes, 7- and 8-digit local part
            "031-8765-4321      | +823187654321",
            "031-212-3456       | +82312123456",
            "032 555 1234       | +82325551234",
            "044-300-1234       | +82443001234",
            "051.740.7114       | +82517407114",
            "064-710-2114       | +82647102114",
            // mobile
            "010-1234-5678      | +821012345678",
            "01012345678        | +821012345678",
            "010 1234 5678      | +821012345678",
            "(010) 1234-5678    | +821012345678",
            "011-234-5678       | +82112345678",
            "019-1234-5678      | +821912345678",
            // internet phone, free-phone, personal numbers
            "070-1234-5678      | +827012345678",
            "080-123-4567       | +82801234567",
            "080-1234-5678      | +828012345678",
            "050-1234-5678      | +825012345678",
            "0505-1234-5678     | +8250512345678",
            // representative numbers (전국대표번호)
            "1588-1234          | +8215881234",
            "15881234           | +8215881234",
            "1577 1234          | +8215771234",
            "1544.1234          | +8215441234",
            "1600-1234          | +8216001234",
            "1644-1234          | +8216441234",
            "1800-1234          | +8218001234",
            // surrounding blanks and tabs are ignored
            "'  02-2345-6789  ' | +82223456789",
            "'\t02-2345-6789\t' | +82223456789",
    })
    void koreanNationalNumbers(String input, String e164) {
        assertThat(PhoneNumbers.normalise(FIELD, input)).isEqualTo(e164);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @DisplayName("R1.3/R1.5/R1.6 E.164 input (+82 with or without the (0) trunk prefix, other countries) is stored in E.164")
    @CsvSource(delimiter = '|', value = {
            "+82 2 2345 6789        | +82223456789",
            "+82-2-2345-6789        | +82223456789",
            "+82223456789           | +82223456789",
            "+82 (0)2 2345 6789     | +82223456789",
            "+82 (0)2-2345-6789     | +82223456789",
            "+82 02 2345 6789       | +82223456789",
            "+82 10 1234 5678       | +821012345678",
            "+82-10-1234-5678       | +821012345678",
            "+82 (0)10-1234-5678    | +821012345678",
            "+82 (0)10.1234.5678    | +821012345678",
            "+821012345678          | +821012345678",
            "+82 31 212 3456        | +82312123456",
            "+82 31 8765 4321       | +823187654321",
            "+82 70 1234 5678       | +827012345678",
            "+82 80 123 4567        | +82801234567",
            "+1 415 555 0100        | +14155550100",
            "+1 (415) 555-0100      | +14155550100",
            "+1.415.555.0100        | +14155550100",
            "+14155550100           | +14155550100",
            "+44 20 7946 0958       | +442079460958",
            "+81 3-1234-5678        | +81312345678",
            "'  +1 415 555 0100  '  | +14155550100",
    })
    void e164Numbers(String input, String e164) {
        assertThat(PhoneNumbers.normalise(FIELD, input)).isEqualTo(e164);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @DisplayName("R1.3/R1.5/R1.6 normalising a stored (E.164) number again gives the same number")
    @ValueSource(strings = {
            "+82223456789", "+8223123456", "+823187654321", "+821012345678",
            "+827012345678", "+82801234567", "+825012345678", "+8250512345678",
            "+14155550100",
    })
    void normaliseIsIdempotent(String e164) {
        assertThat(PhoneNumbers.normalise(FIELD, e164)).isEqualTo(e164);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @DisplayName("R1.3/R1.5/R1.6 representative numbers (1588-1234) are accepted in their own stored E.164 form")
    @CsvSource(delimiter = '|', value = {
            "+8215881234     | +8215881234",
            "+82 1588 1234   | +8215881234",
            "+82 1588-1234   | +8215881234",
    })
    void representativeNumberInE164FormIsAccepted(String input, String e164) {
        // normalise("1588-1234") stores "+8215881234"; sending that value back (e.g. an API client
        // echoing a stored caller ID or transfer number) must not be a 400.
        assertThat(PhoneNumbers.normalise(FIELD, input)).isEqualTo(e164);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @DisplayName("R1.3/R1.5/R1.6 geographic numbers whose local part starts with 1 (02-1234-5678, 031-123-4567) are accepted")
    @CsvSource(delimiter = '|', value = {
            // the issue's and the Javadoc's own examples
            "02-1234-5678        | +82212345678",
            "031-123-4567        | +82311234567",
            "+82 2 1234 5678     | +82212345678",
            // the same numbers written other ways
            "0212345678          | +82212345678",
            "(02) 1234-5678      | +82212345678",
            "+82 (0)2 1234 5678  | +82212345678",
            "+82212345678        | +82212345678",
            "02-123-4567         | +8221234567",
            "031-1234-5678       | +823112345678",
            "+82 31 123 4567     | +82311234567",
    })
    void localPartStartingWith1IsAccepted(String input, String e164) {
        assertThat(PhoneNumbers.normalise(FIELD, input)).isEqualTo(e164);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @DisplayName("R1.3/R1.5/R1.6 malformed numbers are refused with a ValidationException naming the field")
    @ValueSource(strings = {
            // letters and other characters
            "02-1234-567O", "010-CALL-NOW", "abc", "tel:0212345678", "02/1234/5678", "02_1234_5678",
            "02-2345-6789 ext 12", "02-2345-6789#", "+82+212345678", "++82212345678", "82+212345678",
            "０２-１２３４-５６７８", // full-width digits
            // too short / too long
            "1", "02", "02-123-456", "0212345", "010-123-4567", "010-1234-56789", "02-1234-56789",
            "031-12-3456", "031-1234-56789", "070-123-4567", "070-1234-56789", "080-12-3456",
            "050-123-4567", "0505-1234-56789", "1588-123", "1588-12345",
            // 00 international prefix instead of +
            "00821012345678", "001-415-555-0100", "0082-2-1234-5678",
            // unknown prefixes / ranges
            "012-345-6789", "013-1234-5678", "015-1234-5678", "030-1234-5678", "039-123-4567",
            "045-123-4567", "060-123-4567", "090-1234-5678",
            "1004-1234", "1234-5678", "1500-1234", "1700-1234", "21234567",
            // local part starting with 0 or 1 where it cannot
            "02-0123-4567", "031-0123-4567",
            // E.164 problems
            "+", "+0212345678", "+0082212345678", "+1234567", "+1234567890123456",
            "+82", "+82 012 345 6789", "+82 10 123 4567", "+82 2 0123 4567",
    })
    void badNumbers(String input) {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> PhoneNumbers.normalise(FIELD, input));
        assertThat(e).as("refused: %s", input).isNotNull();
        assertThat(e.field()).isEqualTo(FIELD);
        assertThat(e.getMessage()).startsWith(FIELD).contains(input.strip());
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> message mentions \"{1}\"")
    @DisplayName("R1.3/R1.5/R1.6 the refusal message says what is wrong and quotes the input")
    @CsvSource(delimiter = '|', value = {
            "010-CALL-NOW       | may contain only digits",
            "00821012345678     | +<country code>",
            "+0212345678        | no country code",
            "+1234567           | 8 to 15 digits",
            "+1234567890123456  | 8 to 15 digits",
            "012-345-6789       | not a valid Korean phone number",
            "02-0123-4567       | not a valid Korean phone number",
            "+82 10 123 4567    | not a valid Korean phone number",
    })
    void badNumberMessages(String input, String reason) {
        assertThatThrownBy(() -> PhoneNumbers.normalise("callerId.number", input))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("callerId.number")
                .hasMessageContaining(reason)
                .hasMessageContaining(input)
                .extracting(e -> ((ValidationException) e).field()).isEqualTo("callerId.number");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @DisplayName("R1.3/R1.5/R1.6 a missing number (null, empty, blank) is refused as required")
    @NullAndEmptySource
    @ValueSource(strings = {" ", "   ", "\t", "\n", "\u2003"})
    void missingNumber(String input) {
        assertThatThrownBy(() -> PhoneNumbers.normalise("transferNumber", input))
                .isInstanceOf(ValidationException.class)
                .hasMessage("transferNumber is required")
                .extracting(e -> ((ValidationException) e).field()).isEqualTo("transferNumber");
    }

    @ParameterizedTest(name = "[{index}] {0} -> \"{1}\"")
    @DisplayName("R1.3/R1.5/R1.6 display() writes stored Korean numbers the Korean way, other countries in E.164")
    @CsvSource(delimiter = '|', value = {
            "+82223456789    | 02-2345-6789",
            "+8223123456     | 02-312-3456",
            "+823187654321   | 031-8765-4321",
            "+82312123456    | 031-212-3456",
            "+821012345678   | 010-1234-5678",
            "+82112345678    | 011-234-5678",
            "+827012345678   | 070-1234-5678",
            "+82801234567    | 080-123-4567",
            "+828012345678   | 080-1234-5678",
            "+825012345678   | 050-1234-5678",
            "+8250512345678  | 0505-1234-5678",
            "+8215881234     | 1588-1234",
            "+8218001234     | 1800-1234",
            "+14155550100    | +14155550100",
            "+442079460958   | +442079460958",
    })
    void display(String e164, String shown) {
        assertThat(PhoneNumbers.display(e164)).isEqualTo(shown);
    }

    @Test
    @DisplayName("R1.3/R1.5/R1.6 display() of no number is no number")
    void displayNull() {
        assertThat(PhoneNumbers.display(null)).isNull();
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @DisplayName("R1.3/R1.5/R1.6 round trip: normalise(display(normalise(x))) == normalise(x)")
    @ValueSource(strings = {
            "02-2345-6789", "02-312-3456", "031-8765-4321", "031-212-3456", "051.740.7114",
            "010-1234-5678", "011-234-5678", "070-1234-5678", "080-123-4567", "080-1234-5678",
            "050-1234-5678", "0505-1234-5678", "0505-123-4567", "1588-1234", "1644-1234",
            "+82 (0)10 1234 5678", "+1 415 555 0100", "+44 20 7946 0958",
    })
    void roundTrip(String input) {
        String stored = PhoneNumbers.normalise(FIELD, input);
        String shown = PhoneNumbers.display(stored);
        assertThat(PhoneNumbers.normalise(FIELD, shown)).as("display form %s", shown).isEqualTo(stored);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @DisplayName("R1.3/R1.5/R1.6 display() shows Korean numbers as they are commonly typed")
    @ValueSource(strings = {
            "02-2345-6789", "02-312-3456", "031-8765-4321", "010-1234-5678", "070-1234-5678",
            "080-123-4567", "050-1234-5678", "0505-1234-5678", "1588-1234",
    })
    void displayGivesBackTheCanonicalKoreanForm(String korean) {
        assertThat(PhoneNumbers.display(PhoneNumbers.normalise(FIELD, korean))).isEqualTo(korean);
    }
}
