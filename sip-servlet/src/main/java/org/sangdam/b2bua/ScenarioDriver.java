package org.sangdam.b2bua;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.sangdam.call.CallControl;
import org.sangdam.common.domain.SangdamException;
import org.sangdam.media.MediaLeg;
import org.sangdam.media.Prompt;
import org.sangdam.scenario.domain.ScenarioRun;
import org.sangdam.scenario.domain.ScenarioStep;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Carries out a caller's {@link ScenarioRun} (R2.6) on the customer's media leg: prompts,
 * one RFC 4733 digit, the queue with its music, the no-agent checks and the polite end.
 * The run decides; this class only plays, listens, schedules and reports to the core.
 * Timers run on the container's managed scheduler (no thread per call). Each step bumps
 * the call's scenario generation, so a late timer or prompt end of an earlier step does
 * nothing. Once an agent is being connected, the scenario is over for the SIP layer.
 */
@ApplicationScoped
public class ScenarioDriver {
    private static final Logger LOG = Logger.getLogger(ScenarioDriver.class);
    /** the run counts whole seconds; a check a little late never finds "not yet" */
    private static final long CHECK_SLACK_MILLIS = 250;

    @Resource
    ManagedScheduledExecutorService scheduler;
    @Inject
    PromptLibrary prompts;
    @Inject
    CallMedia media;
    @Inject
    B2bua b2bua;
    @EJB
    CallControl core;

    /** Starts the run of a call whose customer leg is answered; digits go to the run from now on. */
    void start(LiveCall call, ScenarioRun run) {
        synchronized (call) {
            call.scenario = run;
            call.customerMedia.onDigit(d -> step(call, r -> r.digit((char) d, Instant.now())));
        }
        carryOut(call, run.first());
    }

    /** An agent is being connected (or the call ended): no more prompts, checks or digits. */
    void stop(LiveCall call) {
        synchronized (call) {
            call.scenario = null;
            call.scenarioGeneration++;
            cancelTimer(call);
        }
    }

    private void step(LiveCall call, Function<ScenarioRun, ScenarioStep> event) {
        ScenarioStep next;
        synchronized (call) {
            if (call.scenario == null || call.model.ended()) {
                return;
            }
            next = event.apply(call.scenario);
        }
        carryOut(call, next);
    }

    /** runs {@code event} only if the call is still in step {@code generation} */
    private Runnable inStep(LiveCall call, long generation, Function<ScenarioRun, ScenarioStep> event) {
        return () -> {
            try {
                ScenarioStep next;
                synchronized (call) {
                    if (call.scenario == null || call.model.ended() || call.scenarioGeneration != generation) {
                        return;
                    }
                    next = event.apply(call.scenario);
                }
                carryOut(call, next);
            } catch (RuntimeException e) {
                LOG.errorf(e, "%s: scenario step failed", call);
            }
        };
    }

    private void carryOut(LiveCall call, ScenarioStep step) {
        LOG.debugf("%s: scenario %s", call, step);
        switch (step) {
            case ScenarioStep.Wait w -> {
            }
            case ScenarioStep.Play p -> {
                long generation = newStep(call);
                play(call, p.prompt(), inStep(call, generation, r -> r.promptEnded(Instant.now())));
            }
            case ScenarioStep.AskDigit a -> {
                long generation = newStep(call);
                Runnable timeout = inStep(call, generation, r -> r.digitTimedOut(Instant.now()));
                play(call, a.prompt(), () -> schedule(call, generation, timeout, a.timeoutSeconds() * 1000L, 0));
            }
            case ScenarioStep.Enqueue q -> enqueue(call, q);
            case ScenarioStep.Announce a -> {
                synchronized (call) {
                    if (call.scenario == null || call.model.ended()) {
                        return;
                    }
                }
                play(call, a.prompt(), () -> music(call));
            }
            case ScenarioStep.PlayAndHangUp h -> hangUp(call, h);
        }
    }

    private void enqueue(LiveCall call, ScenarioStep.Enqueue q) {
        long generation = newStep(call);
        // in order with the call's other reports to the core (a hang-up comes after it), off SIP threads
        call.events.execute(() -> queue(call, q, generation));
    }

    private void queue(LiveCall call, ScenarioStep.Enqueue q, long generation) {
        try {
            core.enterQueue(call.callId, q.queue());
        } catch (SangdamException e) {
            // the customer hung up meanwhile, or the queue is unknown: the core's word is final
            LOG.infof("%s: the core refused to queue it in %s: %s", call, q.queue(), e.getMessage());
            return;
        }
        synchronized (call) {
            if (call.model.ended()) {
                return;
            }
            call.queueMusic = q.music();
        }
        music(call); // also when an agent is already being connected: the customer hears music until bridged
        if (q.checkAfterSeconds() > 0) {
            long every = q.checkAfterSeconds() * 1000L + CHECK_SLACK_MILLIS;
            schedule(call, generation, inStep(call, generation, r -> r.waitedWithoutAgent(Instant.now())), every, every);
        }
    }

    private void hangUp(LiveCall call, ScenarioStep.PlayAndHangUp h) {
        newStep(call);
        synchronized (call) {
            call.scenario = null;
        }
        call.events.execute(() -> ended(call, h));
    }

    private void ended(LiveCall call, ScenarioStep.PlayAndHangUp h) {
        try {
            core.scenarioEnded(call.callId, h.reason());
        } catch (SangdamException e) {
            LOG.infof("%s: the core refused the scenario's end (%s): %s", call, h.reason(), e.getMessage());
        }
        b2bua.apply(call, m -> m.playAndHangUp(h.prompt()));
    }

    /** the scenario's queue music (looped); the default music when it cannot be found */
    private void music(LiveCall call) {
        synchronized (call) {
            if (call.model.ended() || call.model.bridged() || call.customerMedia == null) {
                return;
            }
            Prompt music = prompts.find(call.tenantId, call.queueMusic).orElseGet(media::music);
            call.customerMedia.play(music, true, null);
        }
    }

    /** plays a prompt to the customer, then runs {@code after}; a missing prompt is skipped */
    private void play(LiveCall call, String name, Runnable after) {
        Optional<Prompt> prompt = prompts.find(call.tenantId, name);
        MediaLeg leg;
        synchronized (call) {
            leg = call.customerMedia;
            if (leg == null || call.model.ended()) {
                return;
            }
            if (prompt.isPresent()) {
                leg.play(prompt.get(), false, () -> scheduler.execute(after));
                return;
            }
            leg.stopPlaying();
        }
        scheduler.execute(after);
    }

    private long newStep(LiveCall call) {
        synchronized (call) {
            cancelTimer(call);
            return ++call.scenarioGeneration;
        }
    }

    private void schedule(LiveCall call, long generation, Runnable task, long delayMillis, long everyMillis) {
        synchronized (call) {
            if (call.scenarioGeneration != generation || call.scenario == null) {
                return;
            }
            cancelTimer(call);
            call.scenarioTimer = everyMillis > 0
                    ? scheduler.scheduleWithFixedDelay(task, delayMillis, everyMillis, TimeUnit.MILLISECONDS)
                    : scheduler.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    private static void cancelTimer(LiveCall call) {
        if (call.scenarioTimer != null) {
            call.scenarioTimer.cancel(false);
            call.scenarioTimer = null;
        }
    }
}
