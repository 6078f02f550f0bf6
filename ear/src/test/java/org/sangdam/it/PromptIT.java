package org.sangdam.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sangdam.it.Fixtures.SYSADMIN;

@DisplayName("R1.3 prompt uploads: music on hold and announcements per service")
class PromptIT extends SangdamIT {

    private static String prompts(long svc) {
        return "/services/" + svc + "/cti/prompts";
    }

    private static List<String> names(Api.Reply list) {
        List<String> names = new ArrayList<>();
        for (JsonNode p : list.body()) {
            names.add(p.path("name").asText());
        }
        return names;
    }

    @Test
    @DisplayName("R1.3 a system administrator uploads a 16 kHz stereo WAV (16 kHz stereo or 44.1 kHz mono); members list it and hear it as 8 kHz mono")
    void uploadListListen() {
        long svc = Fixtures.newService();
        Fixtures.Member agent = Fixtures.newUser(svc, "AGENT", false);
        String name = Fixtures.unique("moh").toLowerCase(java.util.Locale.ROOT);

        Api.Reply up = SYSADMIN.postBytes(prompts(svc) + "?name=" + name + "&kind=music", "audio/wav", Wavs.tone(16000, 2, 1500));
        assertThat(up.status()).as(up.toString()).isEqualTo(201);
        assertThat(up.body().path("kind").asText()).isEqualTo("MUSIC");
        assertThat(up.body().path("durationMillis").asLong()).isEqualTo(1500);
        assertThat(up.body().path("uploadedBy").asText()).isEqualTo("sysadmin");

        String notice = Fixtures.unique("notice").toLowerCase(java.util.Locale.ROOT);
        Api.Reply octet = SYSADMIN.postBytes(prompts(svc) + "?name=" + notice + "&kind=announcement", "application/octet-stream", Wavs.tone(44100, 1, 500));
        assertThat(octet.status()).as(octet.toString()).isEqualTo(201);
        assertThat(octet.body().path("durationMillis").asLong()).isEqualTo(500);

        Api.Reply list = agent.api().get(prompts(svc));
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(names(list)).containsExactlyInAnyOrder(name, notice);
        assertThat(list.text()).as("the list carries no audio").doesNotContain("pcm");

        Api.Download wav = agent.api().download(prompts(svc) + "/" + name + ".wav");
        assertThat(wav.status()).isEqualTo(200);
        assertThat(wav.contentType()).startsWith("audio/wav");
        ByteBuffer header = ByteBuffer.wrap(wav.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(wav.bytes(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(header.getShort(22)).as("channels").isEqualTo((short) 1);
        assertThat(header.getInt(24)).as("sample rate").isEqualTo(8000);
        assertThat(wav.bytes()).as("1.5 s of 16-bit samples at 8 kHz").hasSize(44 + 12000 * 2);

        Api.Reply form = SYSADMIN.postRaw(prompts(svc) + "?name=x&kind=MUSIC", "multipart/form-data; boundary=b", "--b--");
        assertThat(form.status()).as("a form post, which any web page could send with the user's cookies").isEqualTo(415);
    }

    @Test
    @DisplayName("R1.3 three minutes of CD-quality stereo music on hold (31 MB, more than the web server's default post limit) uploads")
    void longMusic() {
        long svc = Fixtures.newService();
        String name = Fixtures.unique("long").toLowerCase(java.util.Locale.ROOT);
        byte[] wav = Wavs.tone(44100, 2, 180_000);
        assertThat(wav.length).isGreaterThan(30_000_000);
        Api.Reply up = SYSADMIN.postBytes(prompts(svc) + "?name=" + name + "&kind=MUSIC", "audio/wav", wav);
        assertThat(up.status()).as(up.toString()).isEqualTo(201);
        assertThat(up.body().path("durationMillis").asLong()).isEqualTo(180_000);
        assertThat(SYSADMIN.download(prompts(svc) + "/" + name + ".wav").bytes()).hasSize(44 + 180 * 8000 * 2);
    }

    @Test
    @DisplayName("R1.3 a bad file, name or kind is refused with the reason and nothing is stored; only a system administrator uploads or deletes")
    void refusals() {
        long svc = Fixtures.newService();
        Fixtures.Member admin = Fixtures.newUser(svc, "SERVICE_ADMIN", false);
        String name = Fixtures.unique("p").toLowerCase(java.util.Locale.ROOT);

        Api.Reply text = SYSADMIN.postBytes(prompts(svc) + "?name=" + name + "&kind=MUSIC", "audio/wav", "not audio at all".getBytes());
        assertThat(text.kind()).as(text.toString()).isEqualTo("400 validation");
        assertThat(text.field()).isEqualTo("file");
        assertThat(text.body().path("message").asText()).contains("RIFF");
        Api.Reply floats = SYSADMIN.postBytes(prompts(svc) + "?name=" + name + "&kind=MUSIC", "audio/wav", Wavs.floatWav());
        assertThat(floats.field()).isEqualTo("file");
        assertThat(floats.body().path("message").asText()).contains("IEEE float");
        Api.Reply badName = SYSADMIN.postBytes(prompts(svc) + "?name=Hold%20Music&kind=MUSIC", "audio/wav", Wavs.tone(8000, 1, 100));
        assertThat(badName.field()).isEqualTo("name");
        Api.Reply builtIn = SYSADMIN.postBytes(prompts(svc) + "?name=default-moh&kind=MUSIC", "audio/wav", Wavs.tone(8000, 1, 100));
        assertThat(builtIn.field()).isEqualTo("name");
        Api.Reply badKind = SYSADMIN.postBytes(prompts(svc) + "?name=" + name + "&kind=jingle", "audio/wav", Wavs.tone(8000, 1, 100));
        assertThat(badKind.field()).isEqualTo("kind");
        Api.Reply notAdmin = admin.api().postBytes(prompts(svc) + "?name=" + name + "&kind=MUSIC", "audio/wav", Wavs.tone(8000, 1, 100));
        assertThat(notAdmin.kind()).isEqualTo("403 forbidden");
        assertThat(names(SYSADMIN.get(prompts(svc)))).as("nothing stored").isEmpty();

        assertThat(SYSADMIN.postBytes(prompts(svc) + "?name=" + name + "&kind=MUSIC", "audio/wav", Wavs.tone(8000, 1, 100)).status()).isEqualTo(201);
        Api.Reply again = SYSADMIN.postBytes(prompts(svc) + "?name=" + name + "&kind=MUSIC", "audio/wav", Wavs.tone(8000, 1, 100));
        assertThat(again.kind()).isEqualTo("409 conflict");
        assertThat(admin.api().delete(prompts(svc) + "/" + name).kind()).isEqualTo("403 forbidden");
        assertThat(names(SYSADMIN.get(prompts(svc)))).containsExactly(name);
    }

    @Test
    @DisplayName("R1.3 another service's prompt is a 404: its list, its audio, its deletion")
    void tenancy() {
        long a = Fixtures.newService();
        long b = Fixtures.newService();
        Fixtures.Member adminB = Fixtures.newUser(b, "SERVICE_ADMIN", false);
        String name = Fixtures.unique("secret").toLowerCase(java.util.Locale.ROOT);
        Fixtures.prompt(a, name, "ANNOUNCEMENT");

        assertThat(adminB.api().get(prompts(a)).kind()).isEqualTo("404 not-found");
        assertThat(adminB.api().download(prompts(a) + "/" + name + ".wav").status()).isEqualTo(404);
        assertThat(SYSADMIN.download(prompts(b) + "/" + name + ".wav").status()).as("not B's prompt").isEqualTo(404);
        assertThat(SYSADMIN.delete(prompts(b) + "/" + name).kind()).isEqualTo("404 not-found");
        assertThat(names(SYSADMIN.get(prompts(a)))).containsExactly(name);
    }

    @Test
    @DisplayName("R1.3 music on hold and the announcement name an uploaded or built-in prompt; a prompt in use cannot be deleted")
    void settingsNamePrompts() {
        long svc = Fixtures.newService();
        String settings = "/services/" + svc + "/cti/settings";
        String moh = Fixtures.unique("jazz").toLowerCase(java.util.Locale.ROOT);
        Fixtures.prompt(svc, moh, "MUSIC");

        Api.Reply unknown = SYSADMIN.put(settings, Api.map("recallSeconds", 20, "mohPrompt", "no-such-prompt"));
        assertThat(unknown.kind()).isEqualTo("400 validation");
        assertThat(unknown.field()).isEqualTo("mohPrompt");
        assertThat(SYSADMIN.get(settings).body().path("recallSeconds").asInt()).as("unchanged").isEqualTo(15);

        Api.Reply set = SYSADMIN.put(settings, Api.map("recallSeconds", 20, "mohPrompt", moh, "announcementPrompt", "default-abusive"));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.body().path("mohPrompt").asText()).isEqualTo(moh);

        Api.Reply inUse = SYSADMIN.delete(prompts(svc) + "/" + moh);
        assertThat(inUse.kind()).isEqualTo("409 conflict");
        assertThat(SYSADMIN.put(settings, Api.map("recallSeconds", 20, "mohPrompt", "default-moh")).status()).isEqualTo(200);
        assertThat(SYSADMIN.delete(prompts(svc) + "/" + moh).status()).isEqualTo(204);
        assertThat(SYSADMIN.download(prompts(svc) + "/" + moh + ".wav").status()).isEqualTo(404);

        JsonNode audit = SYSADMIN.get("/services/" + svc + "/audit").body().path("items");
        assertThat(audit.get(0).path("action").asText()).isEqualTo("prompt.deleted");
        assertThat(audit.toString()).contains("prompt.uploaded").contains(moh);
    }
}
