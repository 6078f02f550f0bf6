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
 * nothing. While an agent is being connected the scenario rests (no prompts, checks or
 * digits); when none of the agent's phones takes the call and the core puts it back in the
 * queue, {@link #resume} returns it to the scenario's queue phase: its queue music and its
 * no-agent checks.
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

    /**
     * An agent is being connected (or the call ends): no more prompts, checks or digits. The
     * run is kept aside for {@link #resume}; the music playing goes on until the bridge.
     */
    void stop(LiveCall call) {
        synchronized (call) {
            if (call.scenario != null) {
                call.restingScenario = call.scenario;
            }
            call.scenario = null;
            call.scenarioGeneration++;
            cancelTimer(call);
        }
    }

    /**
     * The call is back in the queue (R2.6): the agent's phones did not take it and the core
     * re-queued it. The resting run goes on from its queue phase; nothing for a call that
     * has ended, is bridged or had no scenario.
     */
    void resume(LiveCall call) {
        ScenarioStep next;
        synchronized (call) {
            ScenarioRun run = call.restingScenario;
            if (run == null || call.model.ended() || call.model.bridged()) {
                return;
            }
            call.restingScenario = null;
            call.scenario = run;
            next = run.backInQueue(Instant.now());
        }
        LOG.debugf("%s: back in the queue", call);
        carryOut(call, next);
    }

    /** The core offers the call to an agent: no no-agent checks while the offer stands. */
    void offered(LiveCall call) {
        fromCore(call, r -> r.offered(Instant.now()));
    }

    /** The core recalled the offer (not answered in the recall time): the queue phase again. */
    void recalled(LiveCall call) {
        fromCore(call, r -> r.backInQueue(Instant.now()));
    }

    /**
     * An event from one of the core's commands, which run after its transaction committed:
     * the run learns it at once (so a recall and the next offer stay in order), but the step
     * is carried out on the scheduler, because that finished transaction is still on this
     * thread and the prompt store (an EJB reading the database) cannot be used from it.
     */
    private void fromCore(LiveCall call, Function<ScenarioRun, ScenarioStep> event) {
        ScenarioStep next;
        synchronized (call) {
            if (call.scenario == null || call.model.ended()) {
                return;
            }
            next = event.apply(call.scenario);
        }
        if (!(next instanceof ScenarioStep.Wait)) {
            scheduler.execute(() -> {
                try {
                    carryOut(call, next);
                } catch (RuntimeException e) {
                    LOG.errorf(e, "%s: scenario step failed", call);
                }
            });
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
            case ScenarioStep.QueueMusic q -> {
                long generation = newStep(call);
                synchronized (call) {
                    if (call.scenario == null || call.model.ended()) {
                        return;
                    }
                    call.queueMusic = q.music();
                }
                music(call);
                checkEvery(call, generation, q.checkAfterSeconds());
            }
            case ScenarioStep.Announce a -> {
                // no check while it plays: the run counts the next interval from its end
                long generation = newStep(call);
                play(call, a.prompt(), inStep(call, generation, r -> r.promptEnded(Instant.now())));
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
        checkEvery(call, generation, q.checkAfterSeconds());
    }

    /** the no-agent check every {@code seconds} while the call stays in this step (0 = none) */
    private void checkEvery(LiveCall call, long generation, int seconds) {
        if (seconds > 0) {
            long every = seconds * 1000L + CHECK_SLACK_MILLIS;
            schedule(call, generation, inStep(call, generation, r -> r.waitedWithoutAgent(Instant.now())), every, every);
        }
    }

    private void hangUp(LiveCall call, ScenarioStep.PlayAndHangUp h) {
        newStep(call);
        synchronized (call) {
            call.scenario = null;
            call.restingScenario = null;
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
