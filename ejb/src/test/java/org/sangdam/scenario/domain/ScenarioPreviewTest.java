package org.sangdam.scenario.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sangdam.scenario.ScenarioJson;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("R2.6 the scenario editor's preview: the steps a caller goes through, read from the definition")
class ScenarioPreviewTest {

    @Test
    @DisplayName("R2.6 hours, greeting, a menu with its retry rule, the chosen queue's music and the no-agent rule, in call order")
    void fullScenario() {
        ScenarioDefinition s = ScenarioJson.parse("""
                {"greeting": "welcome",
                 "menu": {"prompt": "menu", "choices": {"2": "support", "1": "sales"}, "timeoutSeconds": 5, "attempts": 2, "fallbackQueue": "support"},
                 "hours": {"zone": "Asia/Seoul", "open": {"FRI": "09:00-18:00", "MON": "09:00-18:00"}, "holidays": ["2026-12-25"], "closedPrompt": "closed"},
                 "queue": {"music": "jazz"},
                 "noAgent": {"afterSeconds": 120, "action": "HANG_UP", "prompt": "sorry"}}""");
        assertThat(ScenarioPreview.of(s)).extracting(Object::toString).containsExactly(
                "hours Asia/Seoul MON 09:00-18:00, FRI 09:00-18:00 2026-12-25",
                "closed closed",
                "greeting welcome",
                "menu menu 1:sales 2:support",
                "menuRetry 5 2 support",
                "queueChosen jazz",
                "noAgent.HANG_UP 120 sorry");
    }

    @Test
    @DisplayName("R2.6 the default scenario: straight into the general queue with the default music")
    void plain() {
        assertThat(ScenarioPreview.of(ScenarioDefinition.plain())).extracting(Object::toString)
                .containsExactly("queueGeneral default-moh");
        assertThat(ScenarioPreview.of(ScenarioJson.parse("{\"queue\":{\"name\":\"vip\",\"music\":\"default-moh\"}}")))
                .extracting(Object::toString).containsExactly("queue vip default-moh");
    }
}
