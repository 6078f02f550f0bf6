package org.sangdam.b2bua;

import org.sangdam.b2bua.domain.B2buaCall;
import org.sangdam.media.MediaLeg;
import org.sangdam.media.Prompt;
import org.sangdam.scenario.domain.ScenarioRun;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;

/**
 * One call through the B2BUA: the CTI core's call id, the legs' rules
 * ({@link B2buaCall}) and the SIP and media objects of its legs. Guarded by its own
 * monitor: the events of one call are applied one at a time; what the call tells the
 * core runs in order on its {@link CallEvents}.
 */
final class LiveCall {
    final long callId;
    final B2buaCall model;
    /** the customer's number (inbound: as the trunk gave it; outbound: whom to call), and outbound as whom */
    final String customerNumber;
    final String callerId;
    /** the call's reports to the CTI core, in order, off the SIP stack's threads */
    final CallEvents events;

    MediaLeg customerMedia;
    MediaLeg agentMedia;
    Dialog customerDialog;
    String customerSipCallId;
    ClientTransaction customerInvite;
    boolean cancelCustomerOnProvisional;
    final Map<String, ClientTransaction> agentInvites = new ConcurrentHashMap<>();
    final Map<String, Dialog> agentDialogs = new ConcurrentHashMap<>();
    /** forks whose CANCEL waits for a provisional response (RFC 3261 §9.1) */
    final Set<String> cancelOnProvisional = ConcurrentHashMap.newKeySet();
    /** the consultation leg (issue 7): a phone's forks or one INVITE through the trunk */
    MediaLeg consultMedia;
    final Map<String, ClientTransaction> consultInvites = new ConcurrentHashMap<>();
    final Map<String, Dialog> consultDialogs = new ConcurrentHashMap<>();
    final Set<String> consultCancelOnProvisional = ConcurrentHashMap.newKeySet();
    /** the number the call is about on our side: the DID (inbound) or the caller ID (outbound), for consultations through the trunk */
    String ourNumber;
    /** the service the call belongs to (whose uploaded prompts it hears); null for outbound calls */
    Long tenantId;
    /** what the customer hears on hold and during a consultation (R3.7); null: the default music */
    volatile Prompt holdMusic;
    /** inbound: how long the agent's phones may ring after Answer (the service's recall time); 0 = no limit */
    int ringSeconds;
    /** the scenario before an agent (inbound, R2.6); null once an agent is being connected or it ended */
    ScenarioRun scenario;
    /** the run set aside while an agent is being connected; resumed if the call goes back to the queue */
    ScenarioRun restingScenario;
    /** bumped at each scenario step: timers and prompt ends of an earlier step do nothing */
    long scenarioGeneration;
    ScheduledFuture<?> scenarioTimer;
    /** the queue music the scenario chose */
    String queueMusic;
    /** the call's recording (issue 7), once customer and agent were first bridged; refused: the service does not record */
    org.sangdam.media.CallRecording recording;
    boolean recordingRefused;
    MediaLeg recordingAgentSide;

    LiveCall(long callId, B2buaCall model, String customerNumber, String callerId, CallEvents events) {
        this.callId = callId;
        this.events = events;
        this.model = model;
        this.customerNumber = customerNumber;
        this.callerId = callerId;
    }

    @Override
    public String toString() {
        return "call " + callId;
    }
}
