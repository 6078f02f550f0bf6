package org.sangdam.it;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test data made through the API itself. Names and numbers are unique per run,
 * because the database (H2 file or PostgreSQL) outlives a test run and numbers
 * such as CTI numbers and caller IDs are unique across the installation.
 */
final class Fixtures {
    static final String DEMO_PASSWORD = "demo1234";
    static final Api SYSADMIN = Api.as("sysadmin", DEMO_PASSWORD);
    private static final String RUN = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
    private static final AtomicInteger SEQ = new AtomicInteger();

    private Fixtures() {
    }

    static String unique(String prefix) {
        return prefix + "-" + RUN + "-" + SEQ.incrementAndGet();
    }

    /** A new service with both CTI switches on. */
    static long newService() {
        Api.Reply r = SYSADMIN.post("/services", Api.map("name", unique("svc"), "ctiInbound", true, "ctiOutbound", true));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.id();
    }

    record Member(long id, String username, Api api) {
        /** the password newUser gave this user: for the console's login form */
        String password() {
            return "pw-" + username;
        }
    }

    /** A user of the service, created by the system administrator, logged in with its own password. */
    static Member newUser(long serviceId, String role, boolean phonePermission) {
        String username = unique(role.toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        String password = "pw-" + username;
        Api.Reply r = SYSADMIN.post("/services/" + serviceId + "/users", Api.map(
                "username", username, "displayName", "Test " + username, "password", password,
                "role", role, "phonePermission", phonePermission));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return new Member(r.id(), username, Api.as(username, password));
    }

    /** An agent with phone permission and a CTI ID and number (R1.2, R1.4), not yet CTI-logged-in. */
    static Member phoneAgent(long serviceId) {
        Member m = newUser(serviceId, "AGENT", true);
        Api.Reply r = SYSADMIN.put("/services/" + serviceId + "/users/" + m.id() + "/cti",
                Api.map("ctiId", unique("cti"), "ctiNumber", extension(), "sipPassword", "sip-" + m.username()));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return m;
    }

    /** A new inbound number routed to the service's default scenario; returns it as dialled. */
    static String inboundNumber(long serviceId) {
        long scenario = SYSADMIN.get("/services/" + serviceId + "/cti/scenarios").body().get(0).path("id").asLong();
        String did = landline();
        Api.Reply r = SYSADMIN.post("/cti/inbound-numbers", Api.map("number", did, "serviceId", serviceId, "scenarioId", scenario));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return did;
    }

    /** Uploads a one-second 16 kHz stereo WAV as the service's prompt (R1.3), by the system administrator. */
    static void prompt(long serviceId, String name, String kind) {
        Api.Reply r = SYSADMIN.postBytes("/services/" + serviceId + "/cti/prompts?name=" + name + "&kind=" + kind,
                "audio/wav", Wavs.tone(16000, 2, 1000));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    static void recallSeconds(long serviceId, int seconds) {
        Api.Reply r = SYSADMIN.put("/services/" + serviceId + "/cti/settings", Api.map("recallSeconds", seconds, "initialStatus", "WORK"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    /** A Seoul number nobody has used: 02-XXXX-XXXX */
    static String landline() {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        return "02-" + rnd.nextInt(2000, 10000) + "-" + String.format("%04d", rnd.nextInt(10000));
    }

    static String e164(String seoulNumber) {
        return "+82" + seoulNumber.substring(1).replace("-", "");
    }

    /** a five- or six-digit extension nobody has used (demo agents have 1001-1003) */
    static String extension() {
        return String.valueOf(ThreadLocalRandom.current().nextInt(10_000, 1_000_000));
    }
}
