package org.sangdam.sip.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Issue 5 the RTP address and port range come from properties or the environment, like SIP's")
class RtpConfigTest {

    private static RtpConfig read(Map<String, String> props, Map<String, String> env) {
        return RtpConfig.from(props::get, env::get, "127.0.0.1");
    }

    @Test
    @DisplayName("defaults: the SIP address and 4,000 ports from 30000 + 40 x the port offset")
    void defaults() {
        assertThat(read(Map.of(), Map.of())).isEqualTo(new RtpConfig("127.0.0.1", 30000, 33999, 60));
        assertThat(read(Map.of(SipSettings.PORT_OFFSET, "300"), Map.of())).isEqualTo(new RtpConfig("127.0.0.1", 42000, 45999, 60));
        assertThat(read(Map.of(SipSettings.PORT_OFFSET, "900"), Map.of())).as("wrapped below 61000")
                .isEqualTo(new RtpConfig("127.0.0.1", 35000, 38999, 60));
    }

    @Test
    @DisplayName("a system property wins over the environment")
    void configured() {
        assertThat(read(Map.of("sangdam.media.address", "10.0.0.5", "sangdam.media.rtp-port-min", "40000"),
                Map.of("SANGDAM_MEDIA_ADDRESS", "10.9.9.9", "SANGDAM_MEDIA_RTP_PORT_MAX", "40999")))
                .isEqualTo(new RtpConfig("10.0.0.5", 40000, 40999, 60));
    }

    @Test
    @DisplayName("bad input is refused with the setting's name")
    void refused() {
        assertThatThrownBy(() -> read(Map.of("sangdam.media.rtp-port-min", "lots"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sangdam.media.rtp-port-min");
        assertThatThrownBy(() -> read(Map.of("sangdam.media.rtp-port-min", "5000", "sangdam.media.rtp-port-max", "4000"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5000-4000");
    }
}
