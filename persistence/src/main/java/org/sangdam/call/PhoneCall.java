package org.sangdam.call;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A customer call, inbound or outbound, from arrival to its end (R2-R4). While it
 * waits, {@code queuedAt} is its place in the queue (a recall keeps it), and an
 * offer is {@code offeredTo} until {@code offerDeadline}; {@code missedBy} are the
 * agents who let it ring out.
 */
@Entity
@Table(name = "phone_call")
public class PhoneCall {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "service_id", nullable = false)
    private Long tenantId;
    @Column(nullable = false, length = 8)
    private String direction;
    @Column(nullable = false, length = 24)
    private String state;
    @Column(name = "customer_number", nullable = false, length = 20)
    private String customerNumber;
    @Column(name = "service_number", length = 20)
    private String serviceNumber;
    @Column(name = "started_at", nullable = false)
    private Instant startedAt;
    @Column(name = "queued_at")
    private Instant queuedAt;
    /** the queue the scenario's menu chose; null = the service's general queue */
    @Column(length = 64)
    private String queue;
    @Column(name = "offered_to")
    private Long offeredTo;
    @Column(name = "offer_deadline")
    private Instant offerDeadline;
    @Column(name = "missed_by", nullable = false, length = 1000)
    private String missedBy = "";
    @Column(name = "agent_id")
    private Long agentId;
    @Column(name = "connected_at")
    private Instant connectedAt;
    @Column(name = "ended_at")
    private Instant endedAt;
    @Column(name = "end_cause", length = 24)
    private String endCause;
    @Column(name = "consult_target", length = 20)
    private String consultTarget;
    @Column(name = "ticket_id")
    private Long ticketId;
    @Column(name = "recording_file", length = 500)
    private String recordingFile;
    @Column(name = "recording_started_at")
    private Instant recordingStartedAt;
    @Column(name = "recording_kept", nullable = false)
    private boolean recordingKept;

    protected PhoneCall() {
    }

    public PhoneCall(Long tenantId, String direction, String state, String customerNumber, String serviceNumber, Instant startedAt) {
        this.tenantId = tenantId;
        this.direction = direction;
        this.state = state;
        this.customerNumber = customerNumber;
        this.serviceNumber = serviceNumber;
        this.startedAt = startedAt;
    }

    public Long getId() { return id; }
    public Long getTenantId() { return tenantId; }
    public String getDirection() { return direction; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    public String getCustomerNumber() { return customerNumber; }
    public String getServiceNumber() { return serviceNumber; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getQueuedAt() { return queuedAt; }
    public void setQueuedAt(Instant queuedAt) { this.queuedAt = queuedAt; }
    public String getQueue() { return queue; }
    public void setQueue(String queue) { this.queue = queue; }
    public Long getOfferedTo() { return offeredTo; }
    public Instant getOfferDeadline() { return offerDeadline; }
    public Long getAgentId() { return agentId; }
    public void setAgentId(Long agentId) { this.agentId = agentId; }
    public Instant getConnectedAt() { return connectedAt; }
    public void setConnectedAt(Instant connectedAt) { this.connectedAt = connectedAt; }
    public Instant getEndedAt() { return endedAt; }
    public String getEndCause() { return endCause; }
    public String getConsultTarget() { return consultTarget; }
    public void setConsultTarget(String consultTarget) { this.consultTarget = consultTarget; }
    public Long getTicketId() { return ticketId; }
    public void setTicketId(Long ticketId) { this.ticketId = ticketId; }
    public String getRecordingFile() { return recordingFile; }
    public Instant getRecordingStartedAt() { return recordingStartedAt; }
    public boolean isRecordingKept() { return recordingKept; }

    /** the call's recording is (being) written to {@code file} */
    public void recording(String file, Instant at) {
        this.recordingFile = file;
        this.recordingStartedAt = at;
    }

    /** the recording was deleted (retention) */
    public void recordingDeleted() {
        this.recordingFile = null;
    }

    /** kept as evidence regardless of retention (abusive-call termination) */
    public void keepRecording() {
        this.recordingKept = true;
    }

    public void offer(Long agent, Instant deadline) {
        this.offeredTo = agent;
        this.offerDeadline = deadline;
    }

    public void withdrawOffer() {
        this.offeredTo = null;
        this.offerDeadline = null;
    }

    public Set<Long> getMissedBy() {
        return missedBy.isEmpty() ? Set.of()
                : Arrays.stream(missedBy.split(",")).map(Long::valueOf).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public void missedBy(Long agent) {
        Set<Long> agents = new LinkedHashSet<>(getMissedBy());
        agents.add(agent);
        this.missedBy = agents.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    public void end(String cause, Instant at) {
        this.state = "ENDED";
        this.endCause = cause;
        this.endedAt = at;
        withdrawOffer();
    }
}
