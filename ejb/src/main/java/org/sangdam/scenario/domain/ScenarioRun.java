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
 * Announce ─ ended ─▶ QueueMusic (checks again afterSeconds later)
 * queued ─ offered to an agent ─▶ no checks while it rings the agent's widget
 *        ─ recalled (not answered in the recall time), or answered but the agent's phone did not take it
 *          ─ backInQueue ─▶ QueueMusic (checks again afterSeconds later)
 * </pre>
 * Decisions the spec leaves open: hours are checked once, at arrival (a caller in the queue
 * at closing time is still answered); a digit pressed during the greeting is ignored (the
 * greeting is short and the menu comes right after); an announcement to a waiting caller
 * repeats after every {@code afterSeconds} of queue music (counted from the end of the last
 * one, so a prompt longer than the interval is never cut off by the next); a call that comes
 * back to the queue (the agent's phone did not take it) is in the queue phase again: its
 * queue music, and its next check {@code afterSeconds} after its return.
 */
public final class ScenarioRun {
    public enum Phase { GREETING, MENU, QUEUED, CLOSING }

    private final ScenarioDefinition scenario;
    private Phase phase;
    private int asked;
    private String queue;
    private Instant queuedAt;
    private Instant lastCheck;
    /** an Announce is playing: no check until it has ended */
    private boolean announcing;
    /** an agent is being offered the call: somebody is ready, so no no-agent check */
    private boolean offered;
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
            case QUEUED -> announcing ? backToMusic(now) : new ScenarioStep.Wait();
            case CLOSING, MENU -> new ScenarioStep.Wait();
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
        if (announcing || offered || Duration.between(lastCheck, now).getSeconds() < rule.afterSeconds()) {
            return new ScenarioStep.Wait();
        }
        lastCheck = now;
        return switch (rule.action()) {
            case KEEP_WAITING -> new ScenarioStep.Wait();
            case PLAY_PROMPT -> {
                announcing = true;
                yield new ScenarioStep.Announce(rule.prompt());
            }
            case HANG_UP -> {
                phase = Phase.CLOSING;
                yield new PlayAndHangUp(rule.prompt(), "no agent for " + Duration.between(queuedAt, now).getSeconds() + " s");
            }
        };
    }

    /**
     * The core offers the queued call to an agent (R2.6): an agent was ready, so no no-agent
     * rule applies while the offer stands (a HANG_UP rule must not end a call the agent is
     * about to answer). The music goes on.
     */
    public ScenarioStep offered(Instant now) {
        if (phase == Phase.QUEUED) {
            offered = true;
        }
        return new ScenarioStep.Wait();
    }

    /**
     * The call is back in the queue, keeping its place: the offer was recalled (not answered
     * within the recall time), or the agent answered but none of their phones took the call.
     * The queue phase again: the queue music and the no-agent checks, the next one
     * {@code afterSeconds} from now. Nothing for a caller who was never queued or whose call
     * is closing.
     */
    public ScenarioStep backInQueue(Instant now) {
        if (phase != Phase.QUEUED) {
            return new ScenarioStep.Wait();
        }
        return backToMusic(now);
    }

    private ScenarioStep.QueueMusic backToMusic(Instant now) {
        announcing = false;
        offered = false;
        lastCheck = now;
        return new ScenarioStep.QueueMusic(scenario.queueMusic(), checkAfter());
    }

    private int checkAfter() {
        NoAgentRule rule = scenario.noAgent();
        return rule.action() == NoAgentRule.Action.KEEP_WAITING ? 0 : rule.afterSeconds();
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
        announcing = false;
        offered = false;
        return new Enqueue(chosen, scenario.queueMusic(), checkAfter());
    }
}
