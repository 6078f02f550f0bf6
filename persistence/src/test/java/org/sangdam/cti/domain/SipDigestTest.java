package org.sangdam.cti.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("R1.4 SIP digest credentials of a CTI agent's phone")
class SipDigestTest {

    @Test
    @DisplayName("R1.4 HA1 matches the RFC 2617 section 3.5 example (Mufasa / testrealm@host.com / Circle Of Life)")
    void rfc2617Example() {
        assertThat(SipDigest.ha1("Mufasa", "testrealm@host.com", "Circle Of Life"))
                .isEqualTo("939e7578ed9e3c518a452acee763bce9");
    }

    // expected values computed independently with: printf 'user:realm:password' | md5sum
    @ParameterizedTest(name = "[{index}] {0}:{1}:{2} -> {3}")
    @DisplayName("R1.4 HA1 = MD5(user:realm:password) as lower-case hex, password bytes in UTF-8")
    @CsvSource(delimiter = '|', value = {
            "1001   | sangdam | s3cret!  | dd0dd78264f3adb1e6a299799ccd3fda",
            "1001   | sangdam | ''       | 8c1491588be064192e1e8d4b8fab37e7",
            "상담원 | sangdam | 비밀번호 | a5425e17b1aa070e67ffb12d812e9bec",
    })
    void independentlyComputed(String user, String realm, String password, String ha1) {
        assertThat(SipDigest.ha1(user, realm, password)).isEqualTo(ha1);
    }

    @Test
    @DisplayName("R1.4 HA1 is 32 lower-case hex digits and depends on user, realm and password")
    void shapeAndSensitivity() {
        String base = SipDigest.ha1("1001", SipDigest.REALM, "pw");
        assertThat(base).matches("[0-9a-f]{32}");
        assertThat(SipDigest.ha1("1002", SipDigest.REALM, "pw")).isNotEqualTo(base);
        assertThat(SipDigest.ha1("1001", "other", "pw")).isNotEqualTo(base);
        assertThat(SipDigest.ha1("1001", SipDigest.REALM, "pW")).isNotEqualTo(base);
        assertThat(SipDigest.ha1("1001", SipDigest.REALM, "pw")).isEqualTo(base);
    }

    @Test
    @DisplayName("R1.4 agent phones authenticate in the realm 'sangdam'")
    void realm() {
        assertThat(SipDigest.REALM).isEqualTo("sangdam");
    }
}
