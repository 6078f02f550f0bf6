package org.sangdam.scenario;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sangdam.common.domain.ValidationException;
import org.sangdam.scenario.domain.NoAgentRule;
import org.sangdam.scenario.domain.ScenarioDefinition;
import org.sangdam.scenario.domain.ScenarioStep;

import java.time.DayOfWeek;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("R1.3/R2.6 a scenario as stored and edited through the API (JSON)")
class ScenarioJsonTest {
    static final String FULL = """
            {"greeting": "welcome",
             "menu": {"prompt": "menu", "choices": {"1": "sales", "2": "support"}, "timeoutSeconds": 4, "attempts": 3, "fallbackQueue": "support"},
             "hours": {"zone": "Asia/Seoul", "open": {"MON": "09:00-18:00", "saturday": "10:00-13:00"}, "holidays": ["2026-12-25"], "closedPrompt": "closed"},
             "queue": {"music": "jazz"},
             "noAgent": {"afterSeconds": 90, "action": "HANG_UP", "prompt": "call-later"}}""";

    @Test
    @DisplayName("every part is read, and writing it back gives the same scenario")
    void fullRoundTrip() {
        ScenarioDefinition s = ScenarioJson.parse(FULL);
        assertThat(s.greeting()).isEqualTo("welcome");
        assertThat(s.menu().choose('2')).contains("support");
        assertThat(s.menu().timeoutSeconds()).isEqualTo(4);
        assertThat(s.hours().week()).containsOnlyKeys(DayOfWeek.MONDAY, DayOfWeek.SATURDAY);
        assertThat(s.queueMusic()).isEqualTo("jazz");
        assertThat(s.noAgent()).isEqualTo(new NoAgentRule(90, NoAgentRule.Action.HANG_UP, "call-later"));
        assertThat(ScenarioJson.parse(ScenarioJson.write(s))).isEqualTo(s);
    }

    @Test
    @DisplayName("the default scenario every new service gets: greeting, then the queue with the default music")
    void defaultScenario() {
        ScenarioDefinition s = ScenarioJson.parse("{\"greeting\":\"default-greeting\",\"queue\":{\"music\":\"default-moh\"}}");
        assertThat(s.start(Instant.now()).first()).isEqualTo(new ScenarioStep.Play("default-greeting"));
        assertThat(s.menu()).isNull();
        assertThat(s.hours()).isNull();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "not json                                                   | definition",
            "[1, 2]                                                     | definition",
            "{\"greting\": \"x\"}                                       | greting",
            "{\"menu\": {\"prompt\": \"m\", \"choices\": {\"12\": \"a\"}, \"fallbackQueue\": \"a\"}} | menu.choices",
            "{\"menu\": {\"prompt\": \"m\", \"choices\": {\"1\": \"a\"}, \"fallbackQueue\": \"a\", \"timeoutSeconds\": 2.5}} | menu.timeoutSeconds",
            "{\"hours\": {\"zone\": \"Mars/Olympus\", \"open\": {\"MON\": \"09:00-18:00\"}, \"closedPrompt\": \"c\"}} | hours.zone",
            "{\"hours\": {\"zone\": \"UTC\", \"open\": {\"Funday\": \"09:00-18:00\"}, \"closedPrompt\": \"c\"}} | hours.open",
            "{\"hours\": {\"zone\": \"UTC\", \"open\": {\"MON\": \"09:00-18:00\"}, \"holidays\": [\"25.12.\"], \"closedPrompt\": \"c\"}} | hours.holidays",
            "{\"queue\": {\"music\": 7}}                                  | queue.music",
            "{\"noAgent\": {\"afterSeconds\": 60, \"action\": \"SCREAM\", \"prompt\": \"p\"}} | noAgent.action",
    })
    @DisplayName("a bad definition is refused with the field named")
    void refused(String json, String field) {
        assertThatThrownBy(() -> ScenarioJson.parse(json))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
