package org.sangdam.registrar.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("R1.4 registrar: contacts per CTI number (RFC 3261 §10.3)")
class RegistrationBookTest {
    private static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");
    private static final Source SRC = new Source("udp", "127.0.0.1", 5080);
    private static final String DESK = "sip:1001@127.0.0.1:5080";
    private static final String SOFT = "sip:1001@127.0.0.1:5090;transport=tcp";

    private final RegistrationBook book = new RegistrationBook(new ExpiryPolicy(60, 3600, 3600), 3);

    private static RegisterRequest register(String callId, long cseq, Integer expiresHeader, ContactUpdate... contacts) {
        return new RegisterRequest(callId, cseq, false, List.of(contacts), expiresHeader, SRC, "test-phone");
    }

    private static ContactUpdate contact(String uri) {
        return new ContactUpdate(uri, null, null);
    }

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    private List<String> uris(long seconds) {
        return book.contactsOf("1001", at(seconds)).stream().map(Binding::contactUri).toList();
    }

    @Test
    @DisplayName("R1.4 a phone registers; the 200 lists its contact with the seconds left")
    void registers() {
        RegisterOutcome outcome = book.apply("1001", register("a", 1, 600, contact(DESK)), T0);

        assertThat(outcome).isInstanceOf(RegisterOutcome.Registered.class);
        RegisterOutcome.Registered ok = (RegisterOutcome.Registered) outcome;
        assertThat(ok.bindings()).singleElement().satisfies(b -> {
            assertThat(b.contactUri()).isEqualTo(DESK);
            assertThat(b.expiresAt()).isEqualTo(at(600));
            assertThat(b.secondsLeft(at(100))).isEqualTo(500);
            assertThat(b.source()).isEqualTo(SRC);
            assertThat(b.userAgent()).isEqualTo("test-phone");
        });
        assertThat(uris(599)).containsExactly(DESK);
        assertThat(book.contactsOf("1002", T0)).isEmpty();
    }

    @Test
    @DisplayName("R1.4 several contacts per agent: desk phone and softphone, newest first")
    void severalContacts() {
        book.apply("1001", register("a", 1, null, contact(DESK)), T0);
        RegisterOutcome.Registered ok = (RegisterOutcome.Registered) book.apply("1001", register("b", 1, null, contact(SOFT)), at(10));

        assertThat(ok.bindings()).extracting(Binding::contactUri).containsExactly(SOFT, DESK);
        assertThat(uris(20)).containsExactly(SOFT, DESK);
    }

    @Test
    @DisplayName("R1.4 registrations expire; a refresh extends them; expired ones are purged")
    void expiry() {
        book.apply("1001", register("a", 1, 60, contact(DESK)), T0);
        book.apply("1001", register("b", 1, 120, contact(SOFT)), T0);
        assertThat(uris(59)).containsExactlyInAnyOrder(DESK, SOFT);
        assertThat(uris(60)).containsExactly(SOFT);

        book.apply("1001", register("b", 2, 120, contact(SOFT)), at(100));
        assertThat(uris(200)).containsExactly(SOFT);
        assertThat(uris(220)).isEmpty();

        assertThat(book.purgeExpired(at(220))).as("the expired desk binding went with the write at 100").isEqualTo(1);
        assertThat(book.numbers()).isZero();
    }

    @Test
    @DisplayName("R1.4 Expires: 0 (header or contact parameter) unregisters that contact only")
    void unregisterOne() {
        book.apply("1001", register("a", 1, null, contact(DESK)), T0);
        book.apply("1001", register("b", 1, null, contact(SOFT)), T0);

        book.apply("1001", register("a", 2, 0, contact(DESK)), at(5));
        assertThat(uris(6)).containsExactly(SOFT);
        book.apply("1001", register("b", 2, 3600, new ContactUpdate(SOFT, null, 0)), at(6));
        assertThat(uris(7)).isEmpty();
    }

    @Test
    @DisplayName("R1.4 Contact: * with Expires: 0 unregisters every contact of the number")
    void wildcard() {
        book.apply("1001", register("a", 1, null, contact(DESK)), T0);
        book.apply("1001", register("b", 1, null, contact(SOFT)), T0);
        book.apply("1002", register("c", 1, null, contact("sip:1002@127.0.0.1:5100")), T0);

        RegisterOutcome outcome = book.apply("1001", new RegisterRequest("z", 1, true, List.of(), 0, SRC, null), at(1));

        assertThat(outcome).isInstanceOfSatisfying(RegisterOutcome.Registered.class, r -> assertThat(r.bindings()).isEmpty());
        assertThat(uris(2)).isEmpty();
        assertThat(book.contactsOf("1002", at(2))).hasSize(1);
    }

    @Test
    @DisplayName("R1.4 Contact: * without Expires: 0, or beside another contact, is a bad request and changes nothing")
    void wildcardMisused() {
        book.apply("1001", register("a", 1, null, contact(DESK)), T0);

        assertThat(book.apply("1001", new RegisterRequest("z", 1, true, List.of(), 3600, SRC, null), at(1)))
                .isInstanceOf(RegisterOutcome.BadRequest.class);
        assertThat(book.apply("1001", new RegisterRequest("z", 1, true, List.of(), null, SRC, null), at(1)))
                .isInstanceOf(RegisterOutcome.BadRequest.class);
        assertThat(book.apply("1001", new RegisterRequest("z", 1, true, List.of(contact(SOFT)), 0, SRC, null), at(1)))
                .isInstanceOf(RegisterOutcome.BadRequest.class);
        assertThat(uris(2)).containsExactly(DESK);
    }

    @Test
    @DisplayName("R1.4 an interval below the minimum is refused (423) and changes nothing, even for the other contacts of the request")
    void tooBrief() {
        book.apply("1001", register("a", 1, null, contact(DESK)), T0);

        RegisterOutcome outcome = book.apply("1001", register("b", 1, null, contact(SOFT), new ContactUpdate(DESK, null, 10)), at(1));

        assertThat(outcome).isEqualTo(new RegisterOutcome.IntervalTooBrief(60));
        assertThat(uris(2)).containsExactly(DESK);
        assertThat(book.contactsOf("1001", at(2)).getFirst().cseq()).isEqualTo(1);
    }

    @Test
    @DisplayName("R1.4 a request with no Contact is a query: it lists the bindings and changes nothing")
    void query() {
        book.apply("1001", register("a", 1, 600, contact(DESK)), T0);

        RegisterOutcome outcome = book.apply("1001", register("q", 1, null), at(100));

        assertThat(outcome).isInstanceOfSatisfying(RegisterOutcome.Registered.class,
                r -> assertThat(r.bindings()).extracting(Binding::contactUri).containsExactly(DESK));
        assertThat(book.contactsOf("1001", at(100)).getFirst().expiresAt()).isEqualTo(at(600));
        assertThat(book.apply("1009", register("q", 1, null), T0))
                .isInstanceOfSatisfying(RegisterOutcome.Registered.class, r -> assertThat(r.bindings()).isEmpty());
        assertThat(book.numbers()).isEqualTo(1);
    }

    @Test
    @DisplayName("R1.4 an update with the same Call-ID and an older CSeq is refused (reordered or replayed) and changes nothing")
    void outOfOrder() {
        book.apply("1001", register("a", 5, 600, contact(DESK)), T0);

        assertThat(book.apply("1001", register("a", 5, 0, contact(DESK)), at(1))).isInstanceOf(RegisterOutcome.BadRequest.class);
        assertThat(book.apply("1001", register("a", 4, 0, contact(DESK)), at(1))).isInstanceOf(RegisterOutcome.BadRequest.class);
        assertThat(uris(2)).containsExactly(DESK);
        assertThat(book.apply("1001", register("other-call-id", 1, 0, contact(DESK)), at(2)))
                .as("another Call-ID (the phone restarted) may remove it").isInstanceOf(RegisterOutcome.Registered.class);
        assertThat(uris(3)).isEmpty();
    }

    @Test
    @DisplayName("R1.4 a phone that restarts on a new port with the same +sip.instance replaces its old binding")
    void sameInstanceReplaces() {
        String instance = "<urn:uuid:00000000-0000-1000-8000-000000000001>";
        book.apply("1001", register("a", 1, null, new ContactUpdate("sip:1001@127.0.0.1:5080", instance, null)), T0);
        book.apply("1001", register("b", 1, null, new ContactUpdate("sip:1001@127.0.0.1:6080", instance, null)), at(10));

        assertThat(uris(11)).containsExactly("sip:1001@127.0.0.1:6080");
    }

    @Test
    @DisplayName("R1.4 beyond the maximum of contacts per number the oldest are dropped")
    void maxContacts() {
        for (int i = 0; i < 5; i++) {
            book.apply("1001", register("c" + i, 1, null, contact("sip:1001@127.0.0.1:" + (6000 + i))), at(i));
        }
        assertThat(uris(10)).containsExactly("sip:1001@127.0.0.1:6004", "sip:1001@127.0.0.1:6003", "sip:1001@127.0.0.1:6002");
    }

    @Test
    @DisplayName("R1.4 a binding's seconds left round up, so a live binding never reports expires=0")
    void secondsLeftRoundUp() {
        Binding b = new Binding("1001", DESK, null, "a", 1, T0, at(60), SRC, null);
        assertThat(b.secondsLeft(T0.plusMillis(59_001))).isEqualTo(1);
        assertThat(b.secondsLeft(at(60))).isZero();
        assertThat(b.isLiveAt(at(60))).isFalse();
    }
}
