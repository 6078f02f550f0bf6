package org.sangdam.registrar.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Issue 5 calls to a registered phone go where its REGISTER came from when that is not its Contact (NAT)")
class DeliveryTest {
    @Test
    @DisplayName("a private Contact reached through a NAT: the call goes to the NAT's address and port")
    void privateContactBehindNat() {
        Delivery d = Delivery.of("10.0.0.5", 5060, null, false, new Source("udp", "203.0.113.7", 40123));
        assertThat(d).isEqualTo(new Delivery("203.0.113.7", 40123, "udp", true));
    }

    @Test
    @DisplayName("the same host but another port (a NAT that keeps the address, or rport): the source port wins")
    void samHostOtherPort() {
        Delivery d = Delivery.of("127.0.0.1", 5070, "udp", false, new Source("UDP", "127.0.0.1", 31000));
        assertThat(d).isEqualTo(new Delivery("127.0.0.1", 31000, "udp", true));
    }

    @Test
    @DisplayName("a Contact that is where the REGISTER came from is used as it is")
    void directlyReachable() {
        Delivery d = Delivery.of("127.0.0.1", 21004, "UDP", false, new Source("udp", "127.0.0.1", 21004));
        assertThat(d).isEqualTo(new Delivery("127.0.0.1", 21004, "udp", false));
    }

    @Test
    @DisplayName("a Contact without a port means 5060 (5061 for sips:), so a phone on 5060 without NAT is used directly")
    void defaultPorts() {
        assertThat(Delivery.of("192.0.2.1", -1, null, false, new Source("udp", "192.0.2.1", 5060)).natted()).isFalse();
        assertThat(Delivery.of("192.0.2.1", -1, null, true, null)).isEqualTo(new Delivery("192.0.2.1", 5061, "tls", false));
    }

    @Test
    @DisplayName("a REGISTER over TCP from a UDP Contact: the call takes the connection the phone opened")
    void transportOfTheSource() {
        Delivery d = Delivery.of("10.1.1.1", 5060, null, false, new Source("tcp", "198.51.100.2", 50555));
        assertThat(d).isEqualTo(new Delivery("198.51.100.2", 50555, "tcp", true));
    }

    @Test
    @DisplayName("no recorded source (e.g. a binding from before): the Contact")
    void noSource() {
        assertThat(Delivery.of("10.0.0.5", 5062, "tcp", false, null)).isEqualTo(new Delivery("10.0.0.5", 5062, "tcp", false));
    }

    @Test
    @DisplayName("IPv6 hosts compare without their URI brackets")
    void ipv6() {
        assertThat(Delivery.of("[::1]", 5060, null, false, new Source("udp", "::1", 5060)).natted()).isFalse();
    }

    @Test
    @DisplayName("a third-party registration (RFC 3261 §10.2.1): a REGISTER whose Via names its own source came through no NAT, "
            + "so another host's Contact is where calls go")
    void thirdPartyRegistration() {
        Delivery d = Delivery.of("127.0.0.1", 16100, null, false, new Source("udp", "127.0.0.1", 16110, "127.0.0.1", 16110));
        assertThat(d).isEqualTo(new Delivery("127.0.0.1", 16100, "udp", false));
    }

    @Test
    @DisplayName("a Via naming the private address the phone thinks it has (not the source): NAT, the source wins")
    void viaShowsTheNat() {
        Delivery d = Delivery.of("10.0.0.5", 5060, null, false, new Source("udp", "203.0.113.7", 40123, "10.0.0.5", 5060));
        assertThat(d).isEqualTo(new Delivery("203.0.113.7", 40123, "udp", true));
        assertThat(new Source("udp", "203.0.113.7", 40123, "10.0.0.5", -1).throughNat()).isTrue();
        assertThat(new Source("udp", "192.0.2.1", 5060, "192.0.2.1", -1).throughNat()).as("a Via without a port means 5060").isFalse();
    }
}
