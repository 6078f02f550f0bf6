package org.sangdam.b2bua.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sangdam.sip.domain.SipSettings;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Issue 5 session timers (RFC 4028): who refreshes, when a vanished far end is given up, 422 below our Min-SE")
class SessionTimerTest {
    private final SessionTimer rules = new SessionTimer(90, 1800);

    @Test
    @DisplayName("an INVITE without Session-Expires gets no timer (the RTP timeout still applies)")
    void noSessionExpires() {
        assertThat(rules.asUas(null, null, null, true, true)).isEqualTo(new SessionTimer.NoTimer());
    }

    @Test
    @DisplayName("an interval below our Min-SE is refused 422 with our Min-SE (or the caller's, if larger)")
    void tooSmall() {
        assertThat(rules.asUas(60, "uac", null, true, true)).isEqualTo(new SessionTimer.TooSmall(90));
        assertThat(rules.asUas(89, null, 120, true, true)).isEqualTo(new SessionTimer.TooSmall(120));
        assertThat(rules.asUas(90, "uac", 90, true, true)).isInstanceOf(SessionTimer.Timer.class);
    }

    @Test
    @DisplayName("refresher=uac: the caller refreshes, our 2xx carries Require: timer, and we give up at SE - min(32, SE/3)")
    void callerRefreshes() {
        SessionTimer.Timer t = (SessionTimer.Timer) rules.asUas(1800, "uac", null, true, false);
        assertThat(t).isEqualTo(new SessionTimer.Timer(1800, "uac", SessionTimer.Refresher.PEER, true, null));
        assertThat(t.expiryCheck()).isEqualTo(Duration.ofSeconds(1768));
        assertThat(((SessionTimer.Timer) rules.asUas(90, "UAC", null, true, false)).expiryCheck()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    @DisplayName("no refresher named: a caller that supports timer refreshes, else we do (by UPDATE if it allows UPDATE, else by re-INVITE)")
    void refresherChosen() {
        assertThat(rules.asUas(600, null, null, true, false)).isEqualTo(new SessionTimer.Timer(600, "uac", SessionTimer.Refresher.PEER, true, null));
        SessionTimer.Timer ours = (SessionTimer.Timer) rules.asUas(600, null, null, false, true);
        assertThat(ours).isEqualTo(new SessionTimer.Timer(600, "uas", SessionTimer.Refresher.US, false, "UPDATE"));
        assertThat(rules.asUas(600, null, null, false, false)).isEqualTo(new SessionTimer.Timer(600, "uas", SessionTimer.Refresher.US, false, "INVITE"));
        assertThat(ours.refreshAfter()).isEqualTo(Duration.ofSeconds(300));
    }

    @Test
    @DisplayName("Issue 5 item 6: refresher=uas asked of us: we refresh by UPDATE where the caller allows it, by re-INVITE where it does not")
    void weRefresh() {
        assertThat(rules.asUas(600, "uas", null, true, false)).isEqualTo(new SessionTimer.Timer(600, "uas", SessionTimer.Refresher.US, false, "INVITE"));
        assertThat(rules.asUas(600, "uas", null, true, true)).isEqualTo(new SessionTimer.Timer(600, "uas", SessionTimer.Refresher.US, false, "UPDATE"));
    }

    @Test
    @DisplayName("Issue 5 item 6 (RFC 4028 §7.4): a 422 to our INVITE is retried with its Min-SE; a 422 without one, or not above what we asked, is not")
    void afterTooSmall() {
        assertThat(SessionTimer.afterTooSmall(1800, 3600)).hasValue(3600);
        assertThat(SessionTimer.afterTooSmall(5, 20)).hasValue(20);
        assertThat(SessionTimer.afterTooSmall(1800, null)).isEmpty();
        assertThat(SessionTimer.afterTooSmall(1800, 1800)).as("the same interval would get the same 422").isEmpty();
        assertThat(SessionTimer.afterTooSmall(1800, 90)).isEmpty();
    }

    @Test
    @DisplayName("our INVITE to a phone asks refresher=uas: a phone's 2xx with Session-Expires is watched, without it no timer; "
            + "a phone that makes us the refresher is refreshed by UPDATE if it allows UPDATE, else by re-INVITE")
    void asUac() {
        assertThat(rules.asUac(null, null, true)).isEqualTo(new SessionTimer.NoTimer());
        assertThat(rules.asUac(1800, "uas", false)).isEqualTo(new SessionTimer.Timer(1800, "uas", SessionTimer.Refresher.PEER, false, null));
        assertThat(rules.asUac(1800, null, false)).isEqualTo(new SessionTimer.Timer(1800, "uas", SessionTimer.Refresher.PEER, false, null));
        assertThat(rules.asUac(1800, "uac", true)).isEqualTo(new SessionTimer.Timer(1800, "uac", SessionTimer.Refresher.US, false, "UPDATE"));
        assertThat(rules.asUac(1800, "uac", false)).isEqualTo(new SessionTimer.Timer(1800, "uac", SessionTimer.Refresher.US, false, "INVITE"));
    }

    @Test
    @DisplayName("settings: 90 s Min-SE and 1800 s interval by default; a configured interval below Min-SE is raised to it; bad values are refused")
    void settings() {
        SessionTimer defaults = SipSettings.sessionTimer(k -> null, k -> null);
        assertThat(defaults.minSe()).isEqualTo(90);
        assertThat(defaults.interval()).isEqualTo(1800);
        Map<String, String> props = Map.of("sangdam.sip.min-se", "300", "sangdam.sip.session-expires", "120");
        SessionTimer raised = SipSettings.sessionTimer(props::get, k -> null);
        assertThat(raised.interval()).isEqualTo(300);
        assertThatThrownBy(() -> SipSettings.sessionTimer(Map.of("sangdam.sip.min-se", "0")::get, k -> null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SipSettings.sessionTimer(Map.of("sangdam.sip.min-se", "x")::get, k -> null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
