package org.sangdam.registrar.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("R1.4 registrar: digest authentication (RFC 2617)")
class DigestTest {
    /** RFC 2617 §3.5, the worked example */
    private static final String HA1 = Digest.md5Hex("Mufasa:testrealm@host.com:Circle Of Life");
    private static final DigestCredentials RFC_EXAMPLE = new DigestCredentials("Mufasa", "testrealm@host.com",
            "dcd98b7102dd2f0e8b11d0f600bfb0c093", "/dir/index.html", "6629fae49393a05397450978507c4ef1",
            null, "auth", "00000001", "0a4f113b");

    @Test
    @DisplayName("R1.4 the request-digest of RFC 2617's example is reproduced from HA1")
    void rfcExample() {
        assertThat(Digest.expectedResponse(HA1, "GET", RFC_EXAMPLE)).isEqualTo("6629fae49393a05397450978507c4ef1");
        assertThat(Digest.verifies(HA1, "GET", RFC_EXAMPLE)).isTrue();
        assertThat(Digest.verifies(HA1.toUpperCase(), "GET", RFC_EXAMPLE)).as("HA1 case does not matter").isTrue();
    }

    @Test
    @DisplayName("R1.4 a wrong password, another method or an altered field does not verify")
    void wrong() {
        assertThat(Digest.verifies(Digest.md5Hex("Mufasa:testrealm@host.com:circle of life"), "GET", RFC_EXAMPLE)).isFalse();
        assertThat(Digest.verifies(HA1, "REGISTER", RFC_EXAMPLE)).isFalse();
        DigestCredentials otherNc = new DigestCredentials("Mufasa", "testrealm@host.com", "dcd98b7102dd2f0e8b11d0f600bfb0c093",
                "/dir/index.html", "6629fae49393a05397450978507c4ef1", null, "auth", "00000002", "0a4f113b");
        assertThat(Digest.verifies(HA1, "GET", otherNc)).isFalse();
    }

    @Test
    @DisplayName("R1.4 HA1 is the same MD5(user:realm:password) the CTI set-up stores")
    void ha1MatchesStoredForm() {
        assertThat(Digest.md5Hex("1001:sangdam:sip-demo-1234"))
                .isEqualTo(org.sangdam.cti.domain.SipDigest.ha1("1001", "sangdam", "sip-demo-1234"));
    }

    static Stream<Arguments> shapes() {
        String r = "6629fae49393a05397450978507c4ef1";
        return Stream.of(
                Arguments.of("qop=auth, MD5", new DigestCredentials("u", "x", "n", "sip:h", r, "MD5", "auth", "00000001", "c"), true),
                Arguments.of("no algorithm means MD5", new DigestCredentials("u", "x", "n", "sip:h", r, null, "auth", "0000000a", "c"), true),
                Arguments.of("no qop (RFC 2069)", new DigestCredentials("u", "x", "n", "sip:h", r, null, null, null, null), false),
                Arguments.of("qop=auth-int", new DigestCredentials("u", "x", "n", "sip:h", r, null, "auth-int", "00000001", "c"), false),
                Arguments.of("SHA-256", new DigestCredentials("u", "x", "n", "sip:h", r, "SHA-256", "auth", "00000001", "c"), false),
                Arguments.of("nc not 8 hex digits", new DigestCredentials("u", "x", "n", "sip:h", r, null, "auth", "1", "c"), false),
                Arguments.of("no cnonce", new DigestCredentials("u", "x", "n", "sip:h", r, null, "auth", "00000001", null), false),
                Arguments.of("response not an MD5", new DigestCredentials("u", "x", "n", "sip:h", "xyz", null, "auth", "00000001", "c"), false),
                Arguments.of("no username", new DigestCredentials(null, "x", "n", "sip:h", r, null, "auth", "00000001", "c"), false),
                Arguments.of("no uri", new DigestCredentials("u", "x", "n", null, r, null, "auth", "00000001", "c"), false));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("shapes")
    @DisplayName("R1.4 only MD5 with qop=auth answers our challenge")
    void answersOurChallenge(String name, DigestCredentials credentials, boolean expected) {
        assertThat(credentials.answersOurChallenge()).isEqualTo(expected);
    }
}
