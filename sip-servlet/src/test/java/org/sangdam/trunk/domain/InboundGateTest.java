package org.sangdam.trunk.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Issue 5 trunks: INVITEs only from a trunk's sources and only for a configured number")
class InboundGateTest {
    private static final TrunkRoute CARRIER_A = TrunkRoute.of(1, "a", "10.0.0.1", 5060, "udp", "192.0.2.10,198.51.100.0/24");
    private static final TrunkRoute CARRIER_B = TrunkRoute.of(2, "b", "10.0.0.2", 5060, "udp", "2001:db8::/32");
    private static final Map<String, InboundGate.Did> DIDS = Map.of(
            "025550100", new InboundGate.Did("025550100", null),
            "025550200", new InboundGate.Did("025550200", 2L));
    private static final Function<String, Optional<InboundGate.Did>> LOOKUP = s -> {
        if (!s.matches("[0-9+\\-]+")) {
            throw new IllegalArgumentException("not a number");
        }
        return Optional.ofNullable(DIDS.get(s.replace("-", "")));
    };

    private static InboundGate.Verdict check(String source, String dialled) {
        return InboundGate.check(List.of(CARRIER_A, CARRIER_B), source, dialled, LOOKUP);
    }

    @ParameterizedTest(name = "{0} in {1}: {2}")
    @CsvSource({
            "192.0.2.10, 192.0.2.10, true",
            "192.0.2.11, 192.0.2.10, false",
            "198.51.100.77, 198.51.100.0/24, true",
            "198.51.101.1, 198.51.100.0/24, false",
            "10.1.2.3, 10.0.0.0/8, true",
            "2001:db8::5, 2001:db8::/32, true",
            "2001:db9::5, 2001:db8::/32, false",
            "::ffff:192.0.2.10, 192.0.2.10, true",
            "192.0.2.10, 2001:db8::/32, false",
            "not-an-ip, 0.0.0.0/0, false",
            "127.0.0.2, 127.0.0.1, false"})
    void blocks(String address, String block, boolean inside) {
        assertThat(AddressBlock.parse(block).contains(address)).isEqualTo(inside);
    }

    @Test
    @DisplayName("a block that is not an IP literal is refused (no name is ever resolved)")
    void badBlocks() {
        assertThatThrownBy(() -> AddressBlock.parse("carrier.example")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AddressBlock.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThat(TrunkRoute.of(9, "x", "h", 5060, "udp", "10.0.0.1, bogus").sources()).hasSize(1);
    }

    @Test
    @DisplayName("R2.4 a configured number from a trunk's source is admitted through that trunk")
    void admitted() {
        assertThat(check("198.51.100.9", "02-555-0100")).isEqualTo(new InboundGate.Admit(CARRIER_A, DIDS.get("025550100")));
        assertThat(check("2001:db8::1", "025550200")).isEqualTo(new InboundGate.Admit(CARRIER_B, DIDS.get("025550200")));
    }

    @Test
    @DisplayName("403 from a source no trunk allows, whatever is dialled")
    void unknownSource() {
        assertThat(check("203.0.113.1", "025550100")).isEqualTo(new InboundGate.Refuse(403, "Forbidden (not a trunk)"));
    }

    @Test
    @DisplayName("404 for an unknown or unparseable number, and for another trunk's number")
    void unknownNumber() {
        assertThat(check("192.0.2.10", "025559999")).isEqualTo(new InboundGate.Refuse(404, "Not Found"));
        assertThat(check("192.0.2.10", "abc")).isEqualTo(new InboundGate.Refuse(404, "Not Found"));
        assertThat(check("192.0.2.10", "")).isEqualTo(new InboundGate.Refuse(404, "Not Found (no number dialled)"));
        assertThat(check("192.0.2.10", "025550200")).as("carrier B's number through carrier A").isEqualTo(new InboundGate.Refuse(404, "Not Found"));
    }
}
