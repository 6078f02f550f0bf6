package org.sangdam.b2bua;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.sangdam.b2bua.domain.B2buaCall;
import org.sangdam.b2bua.domain.Effect;
import org.sangdam.call.CallControl;
import org.sangdam.common.domain.SangdamException;
import org.sangdam.media.CallRecording;
import org.sangdam.media.MediaLeg;
import org.sangdam.media.Prompt;
import org.sangdam.sip.SipNetwork;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogState;
import javax.sip.TransactionState;
import javax.sip.message.Request;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The calls in progress and the carrying-out of {@link Effect}s: BYE, CANCEL, media
 * bridge and playback, and the reports to the CTI core ({@link CallControl}). Effects
 * on the network run under the call's monitor in the order the rules gave them;
 * reports to the core run after it is released, on the call's {@link CallEvents}, so
 * the core's own commands (which come back here after its transaction commits) never
 * wait on a call's monitor and SIP threads never wait on the core.
 */
@ApplicationScoped
public class B2bua {
    private static final Logger LOG = Logger.getLogger(B2bua.class);

    @Inject
    SipNetwork network;
    @Inject
    CallMedia media;
    @Inject
    TrunkOutboundHandler trunkOutbound;
    @Inject
    PromptLibrary prompts;
    @Inject
    ScenarioDriver scenarios;
    @EJB
    CallControl core;
    /** the calls' own pool (sangdam.cli): arrivals and reports queue here, not on the SIP stack's threads */
    @Resource(lookup = "java:jboss/ee/concurrency/executor/sangdam-calls")
    ManagedExecutorService executor;

    private final Map<Long, LiveCall> calls = new ConcurrentHashMap<>();

    /** a new call's queue of work for the core, on the container's managed executor */
    CallEvents events() {
        return new CallEvents(executor);
    }

    LiveCall add(LiveCall call) {
        calls.put(call.callId, call);
        return call;
    }

    Optional<LiveCall> find(long callId) {
        return Optional.ofNullable(calls.get(callId));
    }

    /** calls in progress, for health and tests */
    public int size() {
        return calls.size();
    }

    /** applies one event of the call's rules and carries out what they return */
    void apply(LiveCall call, Function<B2buaCall, List<Effect>> event) {
        List<Effect> reports = new ArrayList<>();
        synchronized (call) {
            for (Effect effect : event.apply(call.model)) {
                if (isReport(effect)) {
                    reports.add(effect);
                } else {
                    carryOut(call, effect);
                }
            }
        }
        reports.forEach(r -> report(call, r));
    }

    private static boolean isReport(Effect e) {
        return e instanceof Effect.ReportCustomerHungUp || e instanceof Effect.ReportAgentHungUp
                || e instanceof Effect.ReportCustomerAnswered || e instanceof Effect.ReportDialFailed
                || e instanceof Effect.ReportConsultConnected || e instanceof Effect.ReportConsultFailed
                || e instanceof Effect.ReportAgentPhoneFailed;
    }

    private void carryOut(LiveCall call, Effect effect) {
        LOG.debugf("%s: %s", call, effect);
        try {
            switch (effect) {
                case Effect.ByeCustomer b -> bye(call.customerDialog);
                case Effect.ByeAgent b -> bye(call.model.agentWinner() == null ? null : call.agentDialogs.get(call.model.agentWinner()));
                case Effect.ByeAgentFork f -> bye(call.agentDialogs.get(f.fork()));
                case Effect.CancelAgentFork f -> cancelFork(call, f.fork());
                case Effect.CancelCustomer c -> cancelCustomer(call);
                case Effect.InviteCustomer i -> trunkOutbound.invite(call);
                case Effect.Bridge b -> {
                    media.engine().bridge(call.customerMedia, call.agentMedia);
                    record(call, call.agentMedia);
                }
                case Effect.Unbridge u -> media.engine().unbridge(call.customerMedia);
                case Effect.MusicToCustomer m -> call.customerMedia.play(call.holdMusic != null ? call.holdMusic : media.music(), true, null);
                case Effect.RingbackToAgent r -> call.agentMedia.play(media.ringback(), true, null);
                case Effect.PromptThenByeCustomer p -> {
                    Runnable byeAndClose = () -> {
                        synchronized (call) {
                            bye(call.customerDialog);
                            close(call);
                        }
                    };
                    Optional<Prompt> prompt = prompts.find(call.tenantId, p.prompt());
                    if (prompt.isPresent()) {
                        call.customerMedia.play(prompt.get(), false, byeAndClose);
                    } else {
                        byeAndClose.run(); // a missing prompt is skipped (PromptLibrary logged it)
                    }
                }
                case Effect.CloseMedia c -> close(call);
                case Effect.ByeConsult b -> bye(call.model.consultWinner() == null ? null : call.consultDialogs.get(call.model.consultWinner()));
                case Effect.ByeConsultFork f -> bye(call.consultDialogs.get(f.fork()));
                case Effect.CancelConsultFork f -> {
                    ClientTransaction invite = call.consultInvites.get(f.fork());
                    if (invite != null && !cancel(invite)) {
                        call.consultCancelOnProvisional.add(f.fork());
                    }
                }
                case Effect.BridgeAgentConsult b -> media.engine().bridge(call.agentMedia, call.consultMedia);
                case Effect.UnbridgeAgent u -> media.engine().unbridge(call.agentMedia);
                case Effect.BridgeCustomerConsult b -> {
                    media.engine().bridge(call.customerMedia, call.consultMedia);
                    record(call, call.consultMedia);
                }
                case Effect.ConsultBecomesAgent c -> {
                    MediaLeg first = call.agentMedia;
                    call.agentMedia = call.consultMedia;
                    call.consultMedia = null;
                    if (first != null) {
                        first.close();
                    }
                    // keyed by SIP Call-ID: the first agent's forks stay known, so their late messages still find their dialogs
                    call.agentDialogs.putAll(call.consultDialogs);
                    call.agentInvites.putAll(call.consultInvites);
                }
                default -> throw new IllegalArgumentException("not a network effect: " + effect);
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s: %s failed", call, effect);
        }
    }

    /**
     * Call recording (issue 7 part 5), started the first time customer and agent are
     * bridged if the call's service records: the customer leg feeds the left channel and
     * {@code agentSide} (the agent, or after a transfer the target) the right one. A
     * later bridge (release after hold, transfer) only moves the right channel.
     */
    private void record(LiveCall call, MediaLeg agentSide) {
        try {
            if (call.recording == null && !call.recordingRefused) {
                String file = core.recordingFile(call.callId);
                if (file == null) {
                    call.recordingRefused = true;
                    return;
                }
                call.recording = new CallRecording(Path.of(file));
                call.customerMedia.recordInto(call.recording, CallRecording.CUSTOMER);
                LOG.debugf("%s: recording to %s", call, file);
            }
            if (call.recording != null && call.recordingAgentSide != agentSide) {
                if (call.recordingAgentSide != null) {
                    call.recordingAgentSide.stopRecording();
                }
                agentSide.recordInto(call.recording, CallRecording.AGENT);
                call.recordingAgentSide = agentSide;
            }
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "%s: the recording could not be started", call);
        }
    }

    /**
     * Tells the core, on the call's own queue: never on a SIP stack thread (the core's
     * transaction may wait for the service's CTI lock) and never inside the transaction of a
     * command the core sent, and in the order the call's events happened.
     */
    void report(LiveCall call, Effect effect) {
        call.events.execute(() -> reportNow(call, effect));
    }

    private void reportNow(LiveCall call, Effect effect) {
        long id = call.callId;
        try {
            switch (effect) {
                case Effect.ReportCustomerHungUp r -> core.customerHungUp(id);
                case Effect.ReportAgentHungUp r -> core.agentHungUp(id);
                case Effect.ReportCustomerAnswered r -> core.customerAnswered(id);
                case Effect.ReportDialFailed f -> core.dialFailed(id, f.cause());
                case Effect.ReportConsultConnected r -> core.consultConnected(id);
                case Effect.ReportConsultFailed f -> core.consultFailed(id, f.cause());
                case Effect.ReportAgentPhoneFailed f -> {
                    core.agentPhoneFailed(id, f.cause());
                    // the core put the call back in the queue: the scenario's queue phase again (R2.6)
                    scenarios.resume(call);
                }
                default -> throw new IllegalArgumentException("not a report: " + effect);
            }
        } catch (SangdamException e) {
            // the core's state moved on (e.g. the agent hung up in the console at the same moment)
            LOG.infof("%s: the core refused %s: %s", call, effect, e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s: reporting %s failed", call, effect);
        }
    }

    /**
     * Ends the legs whose far end has sent no RTP for {@code timeoutMillis} (issue 5
     * item 6: a phone that vanishes without BYE must not keep an agent busy).
     */
    public void endSilentLegs(long timeoutMillis) {
        for (LiveCall call : calls.values()) {
            MediaLeg customer = call.customerMedia;
            MediaLeg agent = call.agentMedia;
            if (customer != null && customer.millisSinceLastPacket() > timeoutMillis) {
                LOG.infof("%s: no RTP from the customer for %d ms", call, customer.millisSinceLastPacket());
                apply(call, B2buaCall::customerVanished);
            } else if (agent != null && agent.millisSinceLastPacket() > timeoutMillis) {
                LOG.infof("%s: no RTP from the agent's phone for %d ms", call, agent.millisSinceLastPacket());
                apply(call, B2buaCall::agentVanished);
            }
        }
    }

    /** frees the call's media and forgets its legs; idempotent */
    void close(LiveCall call) {
        if (call.scenarioTimer != null) {
            call.scenarioTimer.cancel(false);
            call.scenarioTimer = null;
        }
        call.scenario = null;
        call.restingScenario = null;
        CallRecording recording = call.recording;
        for (MediaLeg leg : new MediaLeg[]{call.customerMedia, call.agentMedia, call.consultMedia}) {
            if (leg != null) {
                leg.close();
            }
        }
        if (recording != null) {
            // writing the WAV reads the whole call back: not under the call's monitor, not on a SIP thread
            executor.execute(() -> {
                try {
                    recording.close();
                    LOG.debugf("%s: recording written to %s", call, recording.file());
                } catch (IOException | RuntimeException e) {
                    LOG.errorf(e, "%s: the recording could not be written", call);
                }
            });
        }
        if (call.customerSipCallId != null) {
            network.legs().remove(call.customerSipCallId);
        }
        call.agentInvites.keySet().forEach(network.legs()::remove);
        call.consultInvites.keySet().forEach(network.legs()::remove);
        calls.remove(call.callId, call);
    }

    /** BYE inside a dialog that is (or is about to be) confirmed; nothing for a dialog that is gone */
    void bye(Dialog dialog) {
        if (dialog == null || dialog.getState() == null || dialog.getState() == DialogState.TERMINATED) {
            return;
        }
        try {
            Request bye = dialog.createRequest(Request.BYE);
            ClientTransaction ct = network.provider().getNewClientTransaction(bye);
            dialog.sendRequest(ct);
        } catch (Exception e) {
            LOG.warnf("BYE on %s failed: %s", dialog.getCallId().getCallId(), e.getMessage());
        }
    }

    private void cancelFork(LiveCall call, String fork) {
        ClientTransaction invite = call.agentInvites.get(fork);
        if (invite != null && !cancel(invite)) {
            call.cancelOnProvisional.add(fork);
        }
    }

    private void cancelCustomer(LiveCall call) {
        if (call.customerInvite != null && !cancel(call.customerInvite)) {
            call.cancelCustomerOnProvisional = true;
        }
    }

    /**
     * CANCELs an INVITE that has had a provisional response (RFC 3261 §9.1: not before);
     * false when it has not, so the caller sends it when one arrives.
     */
    boolean cancel(ClientTransaction invite) {
        TransactionState state = invite.getState();
        if (state == TransactionState.CALLING) {
            return false;
        }
        if (state != TransactionState.PROCEEDING) {
            return true; // already final: a late 2xx is hung up by the rules
        }
        try {
            Request cancel = invite.createCancel();
            network.provider().getNewClientTransaction(cancel).sendRequest();
        } catch (Exception e) {
            LOG.warnf("CANCEL failed: %s", e.getMessage());
        }
        return true;
    }
}
