package org.sangdam.it;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sangdam.it.console.Browser;
import org.sangdam.it.console.ConsolePage;
import org.sangdam.it.console.LoginPage;
import org.sangdam.it.console.PhoneWidget;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("R2.1-R2.3 the console in a browser: login, the phone widget, statuses in every tab, languages")
class ConsoleStatusIT extends SangdamIT {

    @Test
    @DisplayName("R2.2/R2.3 CTI login and each status change (업무, 대기, 휴식 with its reason) show at once in the widget and in a second tab")
    void statusesInTwoTabs() {
        long svc = Fixtures.newService();
        Fixtures.Member agent = Fixtures.phoneAgent(svc);
        try (Browser browser = Browser.korean()) {
            ConsolePage console = browser.open().loginAs(agent.username(), agent.password());
            assertThat(console.hasPhoneWidget()).as("R2.1 the phone widget at the right").isTrue();
            String first = browser.driver().getWindowHandle();
            PhoneWidget tab1 = console.phone().awaitOnline();
            assertThat(tab1.stateLabel()).isEqualTo("CTI 로그아웃");
            assertThat(tab1.isEnabled("ctiLogin")).isTrue();

            String second = browser.newTab("/");
            PhoneWidget tab2 = ConsolePage.at(browser.driver()).phone().awaitOnline();
            browser.switchTo(first);

            tab1.press("ctiLogin", "WORK");
            assertThat(tab1.stateLabel()).as("R2.2 the service's status after login").isEqualTo("업무");
            assertThat(tab1.isEnabled("work")).as("Work again only changes the reason").isTrue();
            assertThat(tab1.isEnabled("answer")).as("nothing to answer").isFalse();
            assertThat(tab1.isEnabled("hold")).isFalse();
            assertThat(tab1.isEnabled("hangUp")).isFalse();
            assertThat(tab1.isEnabled("dial")).isTrue();
            browser.switchTo(second);
            tab2.awaitLabel("업무");
            browser.switchTo(first);

            tab1.press("ready", "READY");
            assertThat(tab1.stateLabel()).isEqualTo("대기");
            assertThat(tab1.isEnabled("ready")).as("Ready twice would reset the idle clock").isFalse();
            browser.switchTo(second);
            tab2.awaitLabel("대기");
            browser.switchTo(first);

            tab1.reasonInput("점심").press("break", "BREAK");
            assertThat(tab1.stateLabel()).isEqualTo("휴식");
            assertThat(tab1.reason()).isEqualTo("점심");
            browser.switchTo(second);
            tab2.awaitLabel("휴식");
            assertThat(tab2.reason()).as("the second tab shows the reason too").isEqualTo("점심");
            assertThat(tab2.timeInStatus()).as("time in status").matches("\\d+:\\d\\d");

            tab2.press("work", "WORK");
            browser.switchTo(first);
            tab1.awaitLabel("업무");
            browser.screenshot("console-widget-ko");

            tab1.press("ctiLogout", "LOGGED_OUT");
            browser.switchTo(second);
            tab2.awaitState("LOGGED_OUT");
        }
        assertThat(new Desk(agent).state()).isEqualTo("LOGGED_OUT");
    }

    @Test
    @DisplayName("R2.3 Korean from the browser's language, English by the switch; status names are the spec's labels in each")
    void languages() {
        long svc = Fixtures.newService();
        Fixtures.Member agent = Fixtures.phoneAgent(svc);
        try (Browser browser = Browser.english()) {
            LoginPage login = browser.open();
            assertThat(login.submitLabel()).isEqualTo("Log in");
            ConsolePage console = login.loginAs(agent.username(), agent.password());
            PhoneWidget phone = console.phone().awaitOnline();
            assertThat(phone.stateLabel()).isEqualTo("Logged out");
            phone.press("ctiLogin", "WORK");
            assertThat(phone.stateLabel()).isEqualTo("Work");
            phone.press("ready", "READY");
            assertThat(phone.stateLabel()).isEqualTo("Ready");

            console = console.switchLanguage("ko");
            assertThat(console.phone().stateLabel()).isEqualTo("대기");
            console = console.switchLanguage("en");
            assertThat(console.phone().stateLabel()).isEqualTo("Ready");
        }
        try (Browser browser = Browser.korean()) {
            LoginPage login = browser.open();
            assertThat(login.submitLabel()).isEqualTo("로그인");
            assertThat(login.loginFails(agent.username(), "wrong-password").error()).contains("올바르지 않습니다");
        }
    }

    @Test
    @DisplayName("R1.2 an agent without phone permission, and an administrator, see the console without the phone widget")
    void noPhonePermissionNoWidget() {
        long svc = Fixtures.newService();
        Fixtures.Member plain = Fixtures.newUser(svc, "AGENT", false);
        Fixtures.Member admin = Fixtures.newUser(svc, "SERVICE_ADMIN", false);
        try (Browser browser = Browser.korean()) {
            ConsolePage console = browser.open().loginAs(plain.username(), plain.password());
            assertThat(console.userName()).isNotBlank();
            assertThat(console.hasPhoneWidget()).isFalse();
            assertThat(console.logout().submitLabel()).as("logged out: the login form again").isEqualTo("로그인");
            browser.go("/");
            assertThat(browser.driver().findElements(org.openqa.selenium.By.id("loginForm"))).as("the session is gone").isNotEmpty();
        }
        try (Browser browser = Browser.korean()) {
            assertThat(browser.open().loginAs(admin.username(), admin.password()).hasPhoneWidget()).isFalse();
        }
    }
}
