package org.sangdam.scenario.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.sangdam.common.domain.ConflictException;
import org.sangdam.common.domain.ValidationException;
import org.sangdam.scenario.domain.BusinessHours.Span;
import org.sangdam.scenario.domain.ScenarioStep.AskDigit;
import org.sangdam.scenario.domain.ScenarioStep.Announce;
import org.sangdam.scenario.domain.ScenarioStep.Enqueue;
import org.sangdam.scenario.domain.ScenarioStep.Play;
import org.sangdam.scenario.domain.ScenarioStep.PlayAndHangUp;
import org.sangdam.scenario.domain.ScenarioStep.QueueMusic;
import org.sangdam.scenario.domain.ScenarioStep.Wait;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("R2.6 the scenario step: greeting, menu, business hours, queue music, no-agent handling")
class ScenarioRunTest {
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    /** Thursday 2026-11-26 10:00 in Seoul */
    private static final Instant THURSDAY_10 = Instant.parse("2026-11-26T01:00:00Z");
    private static final Instant THURSDAY_20 = Instant.parse("2026-11-26T11:00:00Z");

    private static final Menu MENU = new Menu("menu-prompt", Map.of('1', "sales", '2', "support"), 5, 2, "support");
    private static final BusinessHours WEEKDAYS = new BusinessHours(SEOUL,
            Map.of(DayOfWeek.MONDAY, Span.parse("open", "09:00-18:00"), DayOfWeek.THURSDAY, Span.parse("open", "09:00-18:00"),
                    DayOfWeek.SATURDAY, Span.parse("open", "22:00-00:00")),
            Set.of(LocalDate.parse("2026-12-25")), "closed-prompt");

    @Test
    @DisplayName("a plain scenario queues the caller at once in the general queue with the default music")
    void plainQueuesAtOnce() {
        ScenarioRun run = ScenarioDefinition.plain().start(THURSDAY_10);
        assertThat(run.first()).isEqualTo(new Enqueue(null, "default-moh", 0));
        assertThat(run.phase()).isEqualTo(ScenarioRun.Phase.QUEUED);
    }

    @Test
    @DisplayName("greeting first, then the menu; a menu digit chooses its queue")
    void greetingThenMenu() {
        ScenarioRun run = new ScenarioDefinition("hello", MENU, null, null, "jazz", null).start(THURSDAY_10);
        assertThat(run.first()).isEqualTo(new Play("hello"));
        assertThat(run.digit('1', THURSDAY_10)).as("a key during the greeting is ignored").isEqualTo(new Wait());
        assertThat(run.promptEnded(THURSDAY_10)).isEqualTo(new AskDigit("menu-prompt", 5));
        assertThat(run.digit('1', THURSDAY_10)).isEqualTo(new Enqueue("sales", "jazz", 0));
        assertThat(run.queue()).isEqualTo("sales");
        assertThat(run.digit('2', THURSDAY_10)).as("once queued, keys do nothing").isEqualTo(new Wait());
    }

    @Test
    @DisplayName("a wrong key or silence asks again; after the last attempt the caller goes to the fallback queue")
    void wrongKeyAndTimeout() {
        ScenarioRun run = new ScenarioDefinition(null, MENU, null, null, null, null).start(THURSDAY_10);
        assertThat(run.first()).isEqualTo(new AskDigit("menu-prompt", 5));
        assertThat(run.digit('9', THURSDAY_10)).isEqualTo(new AskDigit("menu-prompt", 5));
        assertThat(run.digitTimedOut(THURSDAY_10)).isEqualTo(new Enqueue("support", "default-moh", 0));
    }

    @Nested
    @DisplayName("business hours, in the service's time zone")
    class Hours {
        private final ScenarioDefinition scenario = new ScenarioDefinition("hello", null, WEEKDAYS, "support", null, null);

        @Test
        @DisplayName("out of hours: the closed prompt, then the call ends")
        void closed() {
            ScenarioRun run = scenario.start(THURSDAY_20);
            assertThat(run.first()).isEqualTo(new PlayAndHangUp("closed-prompt", "out of hours"));
            assertThat(run.promptEnded(THURSDAY_20)).isEqualTo(new Wait());
        }

        @Test
        @DisplayName("in hours: the greeting; a holiday and a day not listed are closed; a span may run to midnight")
        void openDaysAndHolidays() {
            assertThat(scenario.start(THURSDAY_10).first()).isEqualTo(new Play("hello"));
            assertThat(WEEKDAYS.isOpen(Instant.parse("2026-12-25T01:00:00Z"))).as("Christmas, a Friday").isFalse();
            assertThat(WEEKDAYS.isOpen(Instant.parse("2026-11-27T01:00:00Z"))).as("a Friday not listed").isFalse();
            assertThat(WEEKDAYS.isOpen(Instant.parse("2026-11-28T14:59:59Z"))).as("Saturday 23:59:59 Seoul").isTrue();
            assertThat(WEEKDAYS.isOpen(Instant.parse("2026-11-26T08:59:59Z"))).as("Thursday 17:59:59").isTrue();
            assertThat(WEEKDAYS.isOpen(Instant.parse("2026-11-26T09:00:00Z"))).as("Thursday 18:00").isFalse();
        }
    }

    @Nested
    @DisplayName("nobody ready for N seconds")
    class NoAgent {
        @Test
        @DisplayName("PLAY_PROMPT: an announcement after N seconds of music, then the music again, the caller stays queued")
        void announce() {
            ScenarioRun run = new ScenarioDefinition(null, null, null, null, "jazz",
                    new NoAgentRule(60, NoAgentRule.Action.PLAY_PROMPT, "sorry-wait")).start(THURSDAY_10);
            assertThat(run.first()).isEqualTo(new Enqueue(null, "jazz", 60));
            assertThat(run.waitedWithoutAgent(THURSDAY_10.plusSeconds(59))).isEqualTo(new Wait());
            assertThat(run.waitedWithoutAgent(THURSDAY_10.plusSeconds(60))).isEqualTo(new Announce("sorry-wait"));
            assertThat(run.waitedWithoutAgent(THURSDAY_10.plusSeconds(130))).as("not while it plays, however long it is").isEqualTo(new Wait());
            assertThat(run.promptEnded(THURSDAY_10.plusSeconds(140))).as("the scenario's music again, checked N s later")
                    .isEqualTo(new QueueMusic("jazz", 60));
            assertThat(run.promptEnded(THURSDAY_10.plusSeconds(141))).as("an end reported twice changes nothing").isEqualTo(new Wait());
            assertThat(run.waitedWithoutAgent(THURSDAY_10.plusSeconds(199))).as("N s of music between announcements").isEqualTo(new Wait());
            assertThat(run.waitedWithoutAgent(THURSDAY_10.plusSeconds(200))).isEqualTo(new Announce("sorry-wait"));
            assertThat(run.phase()).isEqualTo(ScenarioRun.Phase.QUEUED);
            assertThat(run.queue()).isNull();
        }

        @Test
        @DisplayName("back in the queue after the agent's phone did not take the call: the scenario's music and the checks again, N s after the return")
        void backInQueueAfterTheAgentsPhone() {
            ScenarioRun run = new ScenarioDefinition(null, MENU, null, null, "jazz",
                    new NoAgentRule(30, NoAgentRule.Action.HANG_UP, "call-later")).start(THURSDAY_10);
            assertThat(run.digit('1', THURSDAY_10)).isEqualTo(new Enqueue("sales", "jazz", 30));
            // an agent was connected at +20 s (no check reported meanwhile); the phone refused at +50 s
            assertThat(run.backInQueue(THURSDAY_10.plusSeconds(50))).isEqualTo(new QueueMusic("jazz", 30));
            assertThat(run.waitedWithoutAgent(THURSDAY_10.plusSeconds(79))).isEqualTo(new Wait());
            assertThat(run.waitedWithoutAgent(THURSDAY_10.plusSeconds(80))).isEqualTo(new PlayAndHangUp("call-later", "no agent for 80 s"));
            assertThat(run.queue()).as("the same queue").isEqualTo("sales");
        }

        @Test
        @DisplayName("no check while an agent is offered the call (an agent was ready); a recall puts it back in the queue phase, checked N s later")
        void offeredThenRecalled() {
            ScenarioRun run = new ScenarioDefinition(null, null, null, null, "jazz",
                    new NoAgentRule(5, NoAgentRule.Action.HANG_UP, "call-later")).start(THURSDAY_10);
            assertThat(run.offered(THURSDAY_10.plusSeconds(1))).isEqualTo(new Wait());
            assertThat(run.waitedWithoutAgent(THURSDAY_10.plusSeconds(5))).as("ringing an agent's widget: not hung up").isEqualTo(new Wait());
            assertThat(run.waitedWithoutAgent(THURSDAY_10.plusSeconds(10))).isEqualTo(new Wait());
            assertThat(run.backInQueue(THURSDAY_10.plusSeconds(16))).as("recalled after 15 s").isEqualTo(new QueueMusic("jazz", 5));
            assertThat(run.waitedWithoutAgent(THURSDAY_10.plusSeconds(20))).isEqualTo(new Wait());
            assertThat(run.waitedWithoutAgent(THURSDAY_10.plusSeconds(21))).isEqualTo(new PlayAndHangUp("call-later", "no agent for 21 s"));
            ScenarioRun inMenu = new ScenarioDefinition(null, MENU, null, null, null, null).start(THURSDAY_10);
            assertThat(inMenu.offered(THURSDAY_10)).as("not queued yet: nothing to note").isEqualTo(new Wait());
        }

        @Test
        @DisplayName("back in the queue with KEEP_WAITING: the music, never a check; a caller not queued (menu, closing) is left alone")
        void backInQueueOtherwise() {
            ScenarioRun waiting = new ScenarioDefinition(null, null, null, null, "jazz", null).start(THURSDAY_10);
            assertThat(waiting.backInQueue(THURSDAY_10.plusSeconds(5))).isEqualTo(new QueueMusic("jazz", 0));
            ScenarioRun inMenu = new ScenarioDefinition(null, MENU, null, null, null, null).start(THURSDAY_10);
            assertThat(inMenu.backInQueue(THURSDAY_10)).isEqualTo(new Wait());
            assertThat(inMenu.phase()).isEqualTo(ScenarioRun.Phase.MENU);
            ScenarioRun closing = new ScenarioDefinition(null, null, null, null, null,
                    new NoAgentRule(30, NoAgentRule.Action.HANG_UP, "call-later")).start(THURSDAY_10);
            closing.waitedWithoutAgent(THURSDAY_10.plusSeconds(30));
            assertThat(closing.backInQueue(THURSDAY_10.plusSeconds(31))).isEqualTo(new Wait());
        }

        @Test
        @DisplayName("HANG_UP: a polite prompt, then the call ends; KEEP_WAITING never asks to be checked")
        void hangUp() {
            ScenarioRun run = new ScenarioDefinition(null, null, null, null, null,
                    new NoAgentRule(30, NoAgentRule.Action.HANG_UP, "call-later")).start(THURSDAY_10);
            assertThat(run.waitedWithoutAgent(THURSDAY_10.plusSeconds(30))).isEqualTo(new PlayAndHangUp("call-later", "no agent for 30 s"));
            assertThatThrownBy(() -> run.waitedWithoutAgent(THURSDAY_10.plusSeconds(90))).isInstanceOf(ConflictException.class);
            assertThat(ScenarioDefinition.plain().start(THURSDAY_10).first()).isEqualTo(new Enqueue(null, "default-moh", 0));
        }
    }

    @Nested
    @DisplayName("bad definitions are refused with the field named")
    class Validation {
        @Test
        void badValues() {
            assertField(() -> new Menu("p", Map.of('x', "sales"), 5, 2, "sales"), "menu.choices");
            assertField(() -> new Menu("p", Map.of(), 5, 2, "sales"), "menu.choices");
            assertField(() -> new Menu("p", Map.of('1', "Sales Team"), 5, 2, "sales"), "menu.choices.1");
            assertField(() -> new Menu("p", Map.of('1', "sales"), 0, 2, "sales"), "menu.timeoutSeconds");
            assertField(() -> new Menu("p", Map.of('1', "sales"), 5, 9, "sales"), "menu.attempts");
            assertField(() -> new Menu("p", Map.of('1', "sales"), 5, 2, null), "menu.fallbackQueue");
            assertField(() -> Span.parse("hours.open.MONDAY", "18:00-09:00"), "hours.open.MONDAY");
            assertField(() -> Span.parse("hours.open.MONDAY", "nine to six"), "hours.open.MONDAY");
            assertField(() -> new BusinessHours(SEOUL, Map.of(), Set.of(), "closed"), "hours.open");
            assertField(() -> new BusinessHours(null, Map.of(DayOfWeek.MONDAY, new Span(LocalTime.NOON, LocalTime.MIDNIGHT)), Set.of(), "closed"), "hours.zone");
            assertField(() -> new NoAgentRule(2, NoAgentRule.Action.HANG_UP, "bye"), "noAgent.afterSeconds");
            assertField(() -> new NoAgentRule(60, NoAgentRule.Action.HANG_UP, null), "noAgent.prompt");
            assertField(() -> new ScenarioDefinition("../etc/passwd", null, null, null, null, null), "greeting");
        }

        private void assertField(Runnable r, String field) {
            assertThatThrownBy(r::run).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo(field));
        }
    }
}
