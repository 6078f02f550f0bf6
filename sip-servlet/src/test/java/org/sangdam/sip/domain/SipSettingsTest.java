package org.sangdam.sip.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Issue 5 SIP layer: settings")
class SipSettingsTest {
    private static SipSettings from(Map<String, String> properties, Map<String, String> env) {
        return SipSettings.from(properties::get, env::get);
    }

    @Test
    @DisplayName("R1.4 defaults: 127.0.0.1:5060 over UDP and TCP, registrations 60–3600 s, 10 contacts, nonces 300 s")
    void defaults() {
        SipSettings s = from(Map.of(), Map.of());
        assertThat(s.address()).isEqualTo("127.0.0.1");
        assertThat(s.port()).isEqualTo(5060);
        assertThat(s.transports()).containsExactly("udp", "tcp");
        assertThat(s.expiry().minSeconds()).isEqualTo(60);
        assertThat(s.expiry().maxSeconds()).isEqualTo(3600);
        assertThat(s.expiry().defaultSeconds()).isEqualTo(3600);
        assertThat(s.maxContactsPerNumber()).isEqualTo(10);
        assertThat(s.nonceLifetime()).isEqualTo(Duration.ofSeconds(300));
    }

    @Test
    @DisplayName("R1.4 WildFly's port offset moves the SIP port like the HTTP port (tests: 5160)")
    void portOffset() {
        assertThat(from(Map.of("jboss.socket.binding.port-offset", "100"), Map.of()).port()).isEqualTo(5160);
        assertThat(from(Map.of("jboss.socket.binding.port-offset", "100", "sangdam.sip.port", "5070"), Map.of()).port()).isEqualTo(5170);
    }

    @Test
    @DisplayName("R1.4 a system property wins over the environment variable")
    void precedence() {
        assertThat(from(Map.of(), Map.of("SANGDAM_SIP_ADDRESS", "0.0.0.0", "SANGDAM_SIP_PORT", "5062")))
                .satisfies(s -> {
                    assertThat(s.address()).isEqualTo("0.0.0.0");
                    assertThat(s.port()).isEqualTo(5062);
                });
        assertThat(from(Map.of("sangdam.sip.address", "127.0.0.2"), Map.of("SANGDAM_SIP_ADDRESS", "0.0.0.0")).address())
                .isEqualTo("127.0.0.2");
        assertThat(from(Map.of("sangdam.sip.transports", " TCP "), Map.of()).transports()).containsExactly("tcp");
    }

    @Test
    @DisplayName("R1.4 a bad setting stops the start with a message naming it")
    void invalid() {
        assertThatThrownBy(() -> from(Map.of("sangdam.sip.port", "five"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sangdam.sip.port");
        assertThatThrownBy(() -> from(Map.of("sangdam.sip.port", "70000"), Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> from(Map.of("sangdam.sip.transports", "udp,sctp"), Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> from(Map.of("sangdam.sip.register.min-expires", "7200"), Map.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
