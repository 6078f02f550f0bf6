package org.sangdam.console;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sangdam.agent.domain.AgentEvent;
import org.sangdam.agent.domain.AgentState;
import org.sangdam.agent.domain.AgentStateMachine;
import org.sangdam.common.domain.ConflictException;
import org.sangdam.common.domain.SangdamException;

import java.util.Locale;
import java.util.ResourceBundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@DisplayName("R2.2, R2.3 the phone widget says refusals in the console's language")
class RefusalsTest {
    private static final ResourceBundle KO = ResourceBundle.getBundle("org.sangdam.console.messages", Locale.KOREAN);
    private static final ResourceBundle EN = ResourceBundle.getBundle("org.sangdam.console.messages", Locale.ENGLISH);

    private static SangdamException refusal(AgentState from, AgentEvent event) {
        return catchThrowableOfType(SangdamException.class,
                () -> new AgentStateMachine(org.sangdam.cti.domain.InitialStatus.values()[0]).apply(from, event));
    }

    @Test
    @DisplayName("a status change the agent table refuses names the action and the status with the widget's Korean labels")
    void notPossibleInKorean() {
        SangdamException e = refusal(AgentState.OFFERED, AgentEvent.READY_CHOSEN);
        assertThat(e.getMessage()).as("the API keeps English").isEqualTo("Ready is not possible in status Ringing");
        assertThat(Refusals.text(KO, e)).isEqualTo("지금 상태(전화 수신중)에서는 대기을(를) 할 수 없습니다.");
        assertThat(Refusals.text(EN, e)).isEqualTo("Ready is not possible in status Ringing.");
    }

    @Test
    @DisplayName("Ready when already Ready, and CTI login first, in Korean")
    void namedRefusals() {
        assertThat(Refusals.text(KO, refusal(AgentState.READY, AgentEvent.READY_CHOSEN))).isEqualTo("이미 대기 상태입니다.");
        SangdamException login = new ConflictException("status", "CTI login first (R2.2)").coded("cti.loginFirst");
        assertThat(Refusals.text(KO, login)).isEqualTo("먼저 CTI 로그인을 하세요.");
    }

    @Test
    @DisplayName("a refusal without a name, one the bundle does not know, or no bundle at all keeps the core's English text")
    void fallsBackToTheCoresText() {
        assertThat(Refusals.text(KO, new ConflictException("number", "already registered"))).isEqualTo("already registered");
        assertThat(Refusals.text(KO, new ConflictException("x", "something new").coded("cti.somethingNew"))).isEqualTo("something new");
        assertThat(Refusals.text(null, new ConflictException("status", "CTI login first").coded("cti.loginFirst"))).isEqualTo("CTI login first");
    }

    @Test
    @DisplayName("an argument that is no label (a caller ID) is shown as it is")
    void plainArguments() {
        SangdamException e = new ConflictException("callerId", "caller ID 02-555-0100 is PENDING").coded("cti.callerIdNotApproved", "02-555-0100");
        assertThat(Refusals.text(KO, e)).startsWith("발신번호 02-555-0100은(는) 승인되지 않았습니다");
    }
}
