package org.sangdam.registrar.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Issue 5 trunks: our digest answer to a carrier's challenge")
class DigestAnswerTest {
    /** RFC 2617 §3.5's example: Mufasa, "Circle Of Life", GET /dir/index.html */
    private static final DigestChallenge RFC_2617 = new DigestChallenge("testrealm@host.com",
            "dcd98b7102dd2f0e8b11d0f600bfb0c093", "auth,auth-int", null, "5ccc069c403ebaf9f0171e9517f40e41");

    @Test
    @DisplayName("with qop=auth offered the answer is RFC 2617's own worked example")
    void rfc2617Example() {
        DigestCredentials c = Digest.answer(RFC_2617, "Mufasa", "Circle Of Life", "GET", "/dir/index.html", "0a4f113b", 1);
        assertThat(c.response()).isEqualTo("6629fae49393a05397450978507c4ef1");
        assertThat(c.qop()).isEqualTo("auth");
        assertThat(c.nc()).isEqualTo("00000001");
        assertThat(c.cnonce()).isEqualTo("0a4f113b");
        assertThat(c.realm()).isEqualTo("testrealm@host.com");
    }

    @Test
    @DisplayName("our registrar accepts what we answer to its own challenge (one Digest for both directions)")
    void verifiedByOurOwnCheck() {
        DigestChallenge ours = new DigestChallenge("sangdam", "abc123", "auth", "MD5", null);
        DigestCredentials c = Digest.answer(ours, "trunk-a", "s3cret", "INVITE", "sip:0212345678@127.0.0.1", "xyz", 7);
        assertThat(c.answersOurChallenge()).isTrue();
        assertThat(Digest.verifies(Digest.md5Hex("trunk-a:sangdam:s3cret"), "INVITE", c)).isTrue();
        assertThat(Digest.verifies(Digest.md5Hex("trunk-a:sangdam:other"), "INVITE", c)).isFalse();
    }

    @Test
    @DisplayName("without qop the RFC 2069 form: no nc, no cnonce")
    void withoutQop() {
        DigestChallenge old = new DigestChallenge("carrier", "n0nce", null, null, null);
        DigestCredentials c = Digest.answer(old, "u", "p", "INVITE", "sip:1@h", "ignored", 1);
        assertThat(c.qop()).isNull();
        assertThat(c.nc()).isNull();
        assertThat(c.response()).isEqualTo(Digest.md5Hex(Digest.md5Hex("u:carrier:p") + ":n0nce:" + Digest.md5Hex("INVITE:sip:1@h")));
    }

    @Test
    @DisplayName("SHA-256 or auth-int only cannot be answered: a clear refusal instead of a wrong answer")
    void unsupported() {
        assertThatThrownBy(() -> Digest.answer(new DigestChallenge("r", "n", "auth", "SHA-256", null), "u", "p", "INVITE", "sip:x", "c", 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Digest.answer(new DigestChallenge("r", "n", "auth-int", null, null), "u", "p", "INVITE", "sip:x", "c", 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
