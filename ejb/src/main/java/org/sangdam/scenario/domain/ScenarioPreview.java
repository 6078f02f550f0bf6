package org.sangdam.scenario.domain;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a caller goes through, step by step, for the scenario editor's preview. Each step
 * is a kind (the pages translate it: {@code admin.scenario.step.<kind>}) and its values in
 * order, read from the definition itself so the preview is what calls will do.
 */
public final class ScenarioPreview {
    /**
     * One step: {@code kind} is hours, closed, greeting, menu, menuRetry, queueChosen (the menu's
     * queue), queue, queueGeneral, noAgent.PLAY_PROMPT or noAgent.HANG_UP.
     */
    public record Step(String kind, List<String> values) {
        public Step {
            values = List.copyOf(values);
        }

        /** the step as one line in English, for logs and tests */
        @Override
        public String toString() {
            return kind + " " + String.join(" ", values);
        }
    }

    private ScenarioPreview() {
    }

    public static List<Step> of(ScenarioDefinition s) {
        List<Step> steps = new ArrayList<>();
        if (s.hours() != null) {
            BusinessHours h = s.hours();
            String week = new EnumMap<>(h.week()).entrySet().stream()
                    .map(e -> e.getKey().name().substring(0, 3) + " " + e.getValue())
                    .collect(Collectors.joining(", "));
            String holidays = h.holidays().stream().sorted().map(Object::toString).collect(Collectors.joining(", "));
            steps.add(new Step("hours", List.of(h.zone().getId(), week, holidays.isEmpty() ? "-" : holidays)));
            steps.add(new Step("closed", List.of(h.closedPrompt())));
        }
        if (s.greeting() != null) {
            steps.add(new Step("greeting", List.of(s.greeting())));
        }
        if (s.menu() != null) {
            Menu m = s.menu();
            String choices = m.choices().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(" "));
            steps.add(new Step("menu", List.of(m.prompt(), choices)));
            steps.add(new Step("menuRetry", List.of(String.valueOf(m.timeoutSeconds()), String.valueOf(m.attempts()), m.fallbackQueue())));
            steps.add(new Step("queueChosen", List.of(s.queueMusic())));
        } else if (s.queue() != null) {
            steps.add(new Step("queue", List.of(s.queue(), s.queueMusic())));
        } else {
            steps.add(new Step("queueGeneral", List.of(s.queueMusic())));
        }
        NoAgentRule n = s.noAgent();
        if (n.action() != NoAgentRule.Action.KEEP_WAITING) {
            steps.add(new Step("noAgent." + n.action().name(), List.of(String.valueOf(n.afterSeconds()), n.prompt())));
        }
        return steps;
    }

    /** the days in order, for forms: MON ... SUN */
    public static List<DayOfWeek> week() {
        return List.of(DayOfWeek.values());
    }
}
