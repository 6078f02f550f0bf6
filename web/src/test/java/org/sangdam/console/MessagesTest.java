package org.sangdam.console;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("the console's Korean and English strings")
class MessagesTest {
    private static final String BUNDLE = "org.sangdam.console.messages";
    private static final ResourceBundle KO = ResourceBundle.getBundle(BUNDLE, Locale.KOREAN);
    private static final ResourceBundle EN = ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH);

    @Test
    @DisplayName("both languages have every key")
    void sameKeys() {
        Set<String> ko = KO.keySet();
        Set<String> en = EN.keySet();
        assertThat(ko).containsExactlyInAnyOrderElementsOf(en);
    }

    @ParameterizedTest(name = "{0}: {1} / {2}")
    @DisplayName("R2.3, R2.8, R3.2, R3.4, R4.1 status names are the spec's labels")
    @CsvSource(delimiter = '|', value = {
            "WORK|업무|Work",
            "READY|대기|Ready",
            "BREAK|휴식|Break",
            "DIALING|발신중|Dialing",
            "ON_CALL|통화중|On call",
            "ON_CALL_TRANSFER|통화중(호전환)|On call (transfer)",
            "ON_HOLD|보류중|On hold",
            "AFTER_CALL_WORK|업무(티켓처리)|Work (ticket processing)",
            "OFFERED|전화 수신중|Ringing",
            "LOGGED_OUT|CTI 로그아웃|Logged out"})
    void statusLabels(String state, String korean, String english) {
        assertThat(KO.getString("state." + state)).isEqualTo(korean);
        assertThat(EN.getString("state." + state)).isEqualTo(english);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @DisplayName("R2-R3 the widget's buttons carry the manual's words")
    @CsvSource(delimiter = '|', value = {
            "widget.ctiLogin|CTI 로그인", "widget.answer|전화받기", "widget.dial|걸기", "widget.hold|보류", "widget.release|해제",
            "widget.transfer|호전환", "transfer.consult|협의통화", "transfer.connect|연결", "transfer.add|추가",
            "widget.connectCustomer|고객연결", "widget.cancelConsult|취소", "widget.abusive|강성종료", "dial.confirm|확인"})
    void manualWords(String key, String korean) {
        assertThat(KO.getString(key)).isEqualTo(korean);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @DisplayName("R1 the admin menus follow the manual's paths (전체 관리 → CTI 관리 → CTI 설정, 서비스 관리 → 전화 → 발신번호 관리, …)")
    @CsvSource(delimiter = '|', value = {
            "admin.menu.system|전체 관리", "admin.menu.cti|CTI 관리", "admin.menu.ctiSettings|CTI 설정",
            "admin.menu.ctiAgents|CTI 상담원 관리", "admin.menu.service|서비스 관리", "admin.menu.agents|상담원",
            "admin.menu.phone|전화", "admin.menu.callerIds|발신번호 관리", "admin.menu.transferNumbers|자주 사용되는 호전환 번호",
            "admin.contract.inbound|전화 CTI 사용 - IB", "admin.contract.outbound|전화 CTI 사용 - OB", "admin.cti.recall|호회수 시간 (초)"})
    void adminMenuWords(String key, String korean) {
        assertThat(KO.getString(key)).isEqualTo(korean);
    }
}
