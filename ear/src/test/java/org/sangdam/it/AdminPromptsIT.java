package org.sangdam.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.sangdam.it.console.AdminPage;
import org.sangdam.it.console.Browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sangdam.it.Fixtures.SYSADMIN;

/** 전체 관리 → CTI 관리 → CTI 설정, its prompts (R1.3), in a real browser. */
@DisplayName("R1.3 CTI 설정 prompts: upload, refuse a bad file with the reason, listen, choose music on hold, delete asks first")
class AdminPromptsIT extends SangdamIT {

    @Test
    @DisplayName("R1.3 a 16 kHz stereo WAV uploads and is listed with its length and a player; a text file is refused with the reason; the upload becomes music on hold and, in use, is not deleted")
    void uploadAndChoose() throws IOException {
        long svc = Fixtures.newService();
        String service = SYSADMIN.get("/services/" + svc).body().path("name").asText();
        String name = Fixtures.unique("hold").toLowerCase(Locale.ROOT);
        Path good = Files.createTempFile("hold-music", ".wav");
        Path bad = Files.createTempFile("not-audio", ".wav");
        Files.write(good, Wavs.tone(16000, 2, 1500));
        Files.writeString(bad, "this is a text file, not audio", StandardCharsets.UTF_8);
        try (Browser browser = Browser.korean()) {
            browser.open().loginAs("sysadmin", Fixtures.DEMO_PASSWORD);
            AdminPage page = AdminPage.open(browser, "/admin/system/cti-settings.xhtml");
            page.choose("settingsForm:service", service);
            page.await("the service's settings shown", () -> page.value("settingsForm:recall").equals("15"));

            page.type("promptForm:name", name).choose("promptForm:kind", "통화 대기음").attach("promptForm", good).submit("promptForm:upload");
            page.awaitMessage("저장되었습니다.");
            String row = page.row("promptForm:prompts", name);
            assertThat(page.rows("promptForm:prompts").get(0)).contains("통화 대기음").contains("1.5 초").contains("sysadmin");
            assertThat(row).isEqualTo("promptForm:prompts:0:");
            WebElement player = browser.driver().findElement(By.cssSelector("[id='promptForm:prompts'] audio"));
            assertThat(player.getAttribute("src")).endsWith("/api/services/" + svc + "/cti/prompts/" + name + ".wav");
            Object status = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript(
                    "var done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => done(r.status + ' ' + r.headers.get('Content-Type')));",
                    player.getAttribute("src"));
            assertThat(status).as("the player's source plays with the console's session").isEqualTo("200 audio/wav");

            page.type("promptForm:name", "bad-one").attach("promptForm", bad).submit("promptForm:upload");
            assertThat(page.fieldError("promptForm:fileError")).startsWith("이 파일은 사용할 수 없습니다:").contains("RIFF");
            assertThat(page.value("promptForm:name")).as("the form keeps the name").isEqualTo("bad-one");
            JsonNode prompts = SYSADMIN.get("/services/" + svc + "/cti/prompts").body();
            assertThat(prompts).as("nothing stored for the bad file").hasSize(1);

            page.choose("settingsForm:mohPrompt", name).press("settingsForm:save").awaitMessage("저장되었습니다.");
            assertThat(SYSADMIN.get("/services/" + svc + "/cti/settings").body().path("mohPrompt").asText()).isEqualTo(name);

            page.pressAndConfirm(page.row("promptForm:prompts", name) + "remove", true);
            assertThat(page.messages()).as("in use: refused with the reason").contains("사용 중");
            assertThat(SYSADMIN.get("/services/" + svc + "/cti/prompts").body()).hasSize(1);
            browser.screenshot("admin-cti-prompts");
        } finally {
            Files.deleteIfExists(good);
            Files.deleteIfExists(bad);
        }
    }
}
