package org.sangdam.scenario.domain;

import org.sangdam.common.domain.ConflictException;
import org.sangdam.scenario.domain.ScenarioStep.AskDigit;
import org.sangdam.scenario.domain.ScenarioStep.Enqueue;
import org.sangdam.scenario.domain.ScenarioStep.Play;
import org.sangdam.scenario.domain.ScenarioStep.PlayAndHangUp;

import java.time.Duration;
import java.time.Instant;

/**
 * One caller's way through a {@link ScenarioDefinition}: the SIP layer reports what happened
 * (prompt played, digit, timeout, waited too long) and carries out the step it gets back.
 *
 * <pre>
 * arrival ─ closed ─────────────────────────▶ PlayAndHangUp(closedPrompt)
 *         ─ open ─ greeting? ─▶ Play(greeting) ─ ended ─▶ menu? AskDigit : Enqueue
 * AskDigit ─ digit in menu ─▶ Enqueue(its queue)
 *          ─ other digit / timeout ─▶ AskDigit again, after {@code attempts} asks ─▶ Enqueue(fallbackQueue)
 * Enqueue ─ waited afterSeconds ─▶ KEEP_WAITING: Wait · PLAY_PROMPT: Announce(prompt) · HANG_UP: PlayAndHangUp(prompt)
 * </pre>
 * Decisions the spec leaves open: hours are checked once, at arrival (a caller in the queue
 * at closing time is still answered); a digit pressed during the greeting is ignored (the
 * greeting is short and the menu comes right after); an announcement to a waiting caller
 * repeats every {@code afterSeconds}.
 */
public final class ScenarioRun {
    public enum Phase { GREETING, MENU, QUEUED, CLOSING }

    private final ScenarioDefinition scenario;
    private Phase phase;
    private int asked;
    private String queue;
    private Instant queuedAt;
    private Instant lastCheck;
    private final ScenarioStep first;

    ScenarioRun(ScenarioDefinition scenario, Instant arrivedAt) {
        this.scenario = scenario;
        if (!scenario.isOpen(arrivedAt)) {
            phase = Phase.CLOSING;
            first = new PlayAndHangUp(scenario.hours().closedPrompt(), "out of hours");
        } else if (scenario.greeting() != null) {
            phase = Phase.GREETING;
            first = new Play(scenario.greeting());
        } else {
            first = afterGreeting(arrivedAt);
        }
    }

    /** The step at arrival. */
    public ScenarioStep first() {
        return first;
    }

    public Phase phase() {
        return phase;
    }

    /** The queue chosen, once queued. */
    public String queue() {
        return queue;
    }

    /** The greeting (or a closing prompt) has been played. */
    public ScenarioStep promptEnded(Instant now) {
        return switch (phase) {
            case GREETING -> afterGreeting(now);
            case CLOSING, MENU, QUEUED -> new ScenarioStep.Wait();
        };
    }

    /** The caller pressed a key. */
    public ScenarioStep digit(char digit, Instant now) {
        if (phase != Phase.MENU) {
            return new ScenarioStep.Wait();
        }
        return scenario.menu().choose(digit).<ScenarioStep>map(q -> enqueue(q, now)).orElseGet(() -> askAgain(now));
    }

    /** No key within the menu's timeout. */
    public ScenarioStep digitTimedOut(Instant now) {
        if (phase != Phase.MENU) {
            return new ScenarioStep.Wait();
        }
        return askAgain(now);
    }

    /** The caller is still queued at {@code now}: what the no-agent rule says. */
    public ScenarioStep waitedWithoutAgent(Instant now) {
        if (phase != Phase.QUEUED) {
            throw new ConflictException("call", "the caller is not waiting in a queue");
        }
        NoAgentRule rule = scenario.noAgent();
        if (Duration.between(lastCheck, now).getSeconds() < rule.afterSeconds()) {
            return new ScenarioStep.Wait();
        }
        lastCheck = now;
        return switch (rule.action()) {
            case KEEP_WAITING -> new ScenarioStep.Wait();
            case PLAY_PROMPT -> new ScenarioStep.Announce(rule.prompt());
            case HANG_UP -> {
                phase = Phase.CLOSING;
                yield new PlayAndHangUp(rule.prompt(), "no agent for " + Duration.between(queuedAt, now).getSeconds() + " s");
            }
        };
    }

    private ScenarioStep afterGreeting(Instant now) {
        Menu menu = scenario.menu();
        if (menu == null) {
            return enqueue(scenario.queue(), now);
        }
        phase = Phase.MENU;
        asked = 1;
        return new AskDigit(menu.prompt(), menu.timeoutSeconds());
    }

    private ScenarioStep askAgain(Instant now) {
        Menu menu = scenario.menu();
        if (asked >= menu.attempts()) {
            return enqueue(menu.fallbackQueue(), now);
        }
        asked++;
        return new AskDigit(menu.prompt(), menu.timeoutSeconds());
    }

    private Enqueue enqueue(String chosen, Instant now) {
        phase = Phase.QUEUED;
        queue = chosen;
        queuedAt = now;
        lastCheck = now;
        NoAgentRule rule = scenario.noAgent();
        int check = rule.action() == NoAgentRule.Action.KEEP_WAITING ? 0 : rule.afterSeconds();
        return new Enqueue(chosen, scenario.queueMusic(), check);
    }
}
