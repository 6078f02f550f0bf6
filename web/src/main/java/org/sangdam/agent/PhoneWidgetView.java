package org.sangdam.agent;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.PrimeFaces;
import org.sangdam.callerid.CallerIdInfo;
import org.sangdam.callerid.CallerIdService;
import org.sangdam.common.domain.SangdamException;
import org.sangdam.common.domain.ValidationException;
import org.sangdam.console.ConsoleView;
import org.sangdam.cti.CtiSettingsService;
import org.sangdam.phone.domain.PhoneNumbers;
import org.sangdam.ticket.TicketInfo;
import org.sangdam.ticket.TicketService;
import org.sangdam.transfer.TransferNumberInfo;
import org.sangdam.transfer.TransferNumberService;
import org.sangdam.transfer.TransferNumberSpec;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The phone widget (R2-R4). Every button calls {@link CtiService} and shows the view
 * it returns; which buttons are enabled comes from that view's {@code allowed} list,
 * so the widget never offers what the server would refuse, and if the server refuses
 * anyway (another tab, a recall) the reason is shown. A push from the console's event
 * stream re-reads the state ({@link #refresh()}), so every tab shows the truth.
 */
@Named("phone")
@ViewScoped
public class PhoneWidgetView implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int PREVIOUS_TICKETS = 5;

    @EJB
    CtiService cti;
    @EJB
    CallerIdService callerIds;
    @EJB
    TransferNumberService transferNumbers;
    @EJB
    TicketService tickets;
    @EJB
    CtiSettingsService settings;
    @Inject
    ConsoleView console;

    private AgentView view;
    private String refusal;
    private String noticeKind;
    private String noticeCause;
    private String reason;
    private Long serviceId;

    private String dialNumber;
    private Long dialCallerId;
    private List<CallerIdInfo> dialableCallerIds = List.of();

    private String consultNumber;
    private String favouriteLabel;
    private String favouriteNumber;
    private String agentSearch;
    private List<TransferNumberInfo> favourites = List.of();
    private List<ReadyAgent> readyAgents = List.of();

    private String abusiveText;

    private long previousFor = -1;
    private List<TicketInfo> previousTickets = List.of();

    @PostConstruct
    void init() {
        if (console.isPhone()) {
            serviceId = console.getServiceId();
            view = cti.state();
        }
    }

    /** Re-reads the agent's state: after a push, and after a reconnect (R2.3, issue 6 item 3). */
    public void refresh() {
        if (serviceId != null) {
            view = cti.state();
        }
        // what the network said when a dial or a consultation did not connect (the push's kind and cause)
        java.util.Map<String, String> pushed = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        String kind = pushed.get("notice");
        if ("dial-failed".equals(kind) || "consult-failed".equals(kind) || "customer-left".equals(kind)) {
            noticeKind = kind;
            noticeCause = pushed.get("cause");
        }
    }

    private boolean act(Supplier<AgentView> action) {
        try {
            view = action.get();
            refusal = null;
            noticeKind = null;
            noticeCause = null;
            return true;
        } catch (SangdamException refused) {
            refusal = refusal(refused);
            view = cti.state();
            return false;
        }
    }

    // --- status (R2.2, R2.3, R4.3) -------------------------------------------------

    public void login() {
        act(cti::login);
    }

    public void logout() {
        act(cti::logout);
    }

    public void work() {
        choose("WORK");
    }

    public void ready() {
        choose("READY");
    }

    public void takeBreak() {
        choose("BREAK");
    }

    private void choose(String status) {
        String given = "READY".equals(status) || reason == null || reason.isBlank() ? null : reason.strip();
        if (act(() -> cti.chooseStatus(new StatusChoice(status, given)))) {
            reason = null;
        }
    }

    // --- a call ------------------------------------------------------------------------

    /** R2.4, R2.5: answer, then open the ticket the connect created. */
    public void answer() throws IOException {
        if (act(cti::answer) && view.call() != null && view.call().ticketId() != null) {
            openTicket(view.call().ticketId());
        }
    }

    public void hold() {
        act(cti::hold);
    }

    public void release() {
        act(cti::release);
    }

    public void hangUp() {
        act(cti::hangUp);
    }

    public void connectCustomer() {
        act(cti::connectCustomer);
    }

    public void cancelConsult() {
        act(cti::cancelConsult);
    }

    private static void openTicket(long ticketId) throws IOException {
        ExternalContext ext = FacesContext.getCurrentInstance().getExternalContext();
        ext.redirect(ext.getRequestContextPath() + "/ticket.xhtml?id=" + ticketId);
    }

    // --- dial (R2.7, R2.8) ------------------------------------------------------------

    public void openDial() {
        dialNumber = null;
        dialCallerId = null;
        dialableCallerIds = serviceId == null ? List.of() : callerIds.dialable(serviceId);
        if (dialableCallerIds.size() == 1) {
            dialCallerId = dialableCallerIds.get(0).id();
        }
    }

    /** as-you-type check with the server's own rule; null when the number is fine or not typed yet */
    public boolean isDialNumberValid() {
        return dialNumber != null && !dialNumber.isBlank() && validNumber(dialNumber);
    }

    public boolean isDialNumberInvalid() {
        return dialNumber != null && !dialNumber.isBlank() && !validNumber(dialNumber);
    }

    private static boolean validNumber(String number) {
        try {
            PhoneNumbers.normalise("number", number);
            return true;
        } catch (ValidationException e) {
            return false;
        }
    }

    public boolean isDialReady() {
        return isDialNumberValid() && dialCallerId != null && allowed("DIAL_STARTED");
    }

    public void dial() {
        if (act(() -> cti.dial(new DialRequest(dialNumber, dialCallerId)))) {
            PrimeFaces.current().executeScript("PF('dialDialog').hide()");
        }
    }

    // --- transfer (R3.1-R3.5) ----------------------------------------------------------

    public void openTransfer() {
        consultNumber = null;
        agentSearch = null;
        favouriteLabel = null;
        favouriteNumber = null;
        loadTransferTargets();
    }

    private void loadTransferTargets() {
        favourites = serviceId == null ? List.of() : transferNumbers.list(serviceId);
        readyAgents = cti.readyAgents();
    }

    public void consultByNumber() {
        consult(new ConsultRequest(consultNumber, null, null));
    }

    public void consultFavourite(long transferNumberId) {
        consult(new ConsultRequest(null, transferNumberId, null));
    }

    public void consultAgent(long agentId) {
        consult(new ConsultRequest(null, null, agentId));
    }

    private void consult(ConsultRequest request) {
        if (act(() -> cti.consult(request))) {
            PrimeFaces.current().executeScript("PF('transferDialog').hide()");
        } else {
            loadTransferTargets();
        }
    }

    /** R1.6: the dialog's Add */
    public void addFavourite() {
        try {
            transferNumbers.add(serviceId, new TransferNumberSpec(favouriteLabel, favouriteNumber));
            favouriteLabel = null;
            favouriteNumber = null;
            refusal = null;
        } catch (SangdamException refused) {
            refusal = refusal(refused);
        }
        loadTransferTargets();
    }

    public void removeFavourite(long id) {
        try {
            transferNumbers.remove(serviceId, id);
        } catch (SangdamException refused) {
            refusal = refusal(refused);
        }
        loadTransferTargets();
    }

    public List<ReadyAgent> getFilteredReadyAgents() {
        if (agentSearch == null || agentSearch.isBlank()) {
            return readyAgents;
        }
        String q = agentSearch.strip().toLowerCase(Locale.ROOT);
        return readyAgents.stream().filter(a -> a.displayName().toLowerCase(Locale.ROOT).contains(q)
                || a.ctiNumber().contains(q)).toList();
    }

    // --- abusive-call termination (R3.6) ----------------------------------------------

    public void openAbusive() {
        abusiveText = serviceId == null ? "" : settings.settings(serviceId).abusiveText();
    }

    public void terminateAbusive() {
        if (act(cti::abusiveTermination)) {
            PrimeFaces.current().executeScript("PF('abusiveDialog').hide()");
        }
    }

    // --- what the widget shows ----------------------------------------------------------

    public boolean allowed(String event) {
        return view != null && view.allowed().contains(event);
    }

    public String getState() {
        return view == null ? "LOGGED_OUT" : view.state();
    }

    public boolean isLoggedIn() {
        return !"LOGGED_OUT".equals(getState());
    }

    public boolean isOffered() {
        return "OFFERED".equals(getState());
    }

    public boolean isInCall() {
        return switch (getState()) {
            case "DIALING", "ON_CALL", "ON_HOLD", "ON_CALL_TRANSFER" -> true;
            default -> false;
        };
    }

    /** no CTI ID yet: CTI login is impossible until a system administrator assigns one (R1.4) */
    public boolean isWithoutCtiIdentity() {
        return view != null && !isLoggedIn() && view.allowed().isEmpty();
    }

    public AgentView.CallView getCall() {
        return view == null ? null : view.call();
    }

    public String getCustomerNumber() {
        AgentView.CallView c = getCall();
        return c == null ? null : display(c.customerNumber());
    }

    public String getServiceNumber() {
        AgentView.CallView c = getCall();
        return c == null ? null : display(c.serviceNumber());
    }

    public String getConsultTarget() {
        AgentView.CallView c = getCall();
        // the consulted agent is the target itself: it sees who consults it instead
        return c == null || c.consultedBy() != null ? null : display(c.consultTarget());
    }

    /** issue 7: the agent consulting this one on its call, or null */
    public String getConsultedBy() {
        AgentView.CallView c = getCall();
        return c == null ? null : c.consultedBy();
    }

    private static String display(String number) {
        return number == null ? null : PhoneNumbers.display(number);
    }

    /** epoch millis for the widget's clocks; 0 when unknown */
    public long getSinceMillis() {
        return view == null || view.since() == null ? 0 : view.since().toEpochMilli();
    }

    public long getConnectedMillis() {
        AgentView.CallView c = getCall();
        return c == null || c.connectedAt() == null ? 0 : c.connectedAt().toEpochMilli();
    }

    /** the caller's earlier tickets while their call rings (read once per offered call) */
    public List<TicketInfo> getPreviousTickets() {
        AgentView.CallView c = getCall();
        if (!isOffered() || c == null || c.consultedBy() != null) {
            return List.of();
        }
        if (previousFor != c.id()) {
            previousTickets = tickets.ofCustomer(c.customerNumber(), PREVIOUS_TICKETS);
            previousFor = c.id();
        }
        return previousTickets;
    }

    public String getReason() {
        return view == null ? null : view.reason();
    }

    /** the reason as shown: the system's own reasons ("no answer", "dial failed") in the UI's language, the agent's as typed */
    public String getReasonLabel() {
        String reason = getReason();
        if (reason == null) {
            return null;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        java.util.ResourceBundle msg = faces.getApplication().getResourceBundle(faces, "msg");
        String key = "reason." + reason.replace(' ', '-');
        return msg != null && msg.containsKey(key) ? msg.getString(key) : reason;
    }

    public String getRefusal() {
        return refusal;
    }

    public String getNoticeKind() {
        return noticeKind;
    }

    public String getNoticeCause() {
        return noticeCause;
    }

    public String getReasonInput() {
        return reason;
    }

    public void setReasonInput(String reason) {
        this.reason = reason;
    }

    public String getDialNumber() {
        return dialNumber;
    }

    public void setDialNumber(String dialNumber) {
        this.dialNumber = dialNumber;
    }

    public Long getDialCallerId() {
        return dialCallerId;
    }

    public void setDialCallerId(Long dialCallerId) {
        this.dialCallerId = dialCallerId;
    }

    public List<CallerIdInfo> getDialableCallerIds() {
        return dialableCallerIds;
    }

    public String getConsultNumber() {
        return consultNumber;
    }

    public void setConsultNumber(String consultNumber) {
        this.consultNumber = consultNumber;
    }

    public String getFavouriteLabel() {
        return favouriteLabel;
    }

    public void setFavouriteLabel(String favouriteLabel) {
        this.favouriteLabel = favouriteLabel;
    }

    public String getFavouriteNumber() {
        return favouriteNumber;
    }

    public void setFavouriteNumber(String favouriteNumber) {
        this.favouriteNumber = favouriteNumber;
    }

    public String getAgentSearch() {
        return agentSearch;
    }

    public void setAgentSearch(String agentSearch) {
        this.agentSearch = agentSearch;
    }

    public List<TransferNumberInfo> getFavourites() {
        return favourites;
    }

    public String getAbusiveText() {
        return abusiveText;
    }

    /** the refusal in the console's language (the core's English text for one it did not name) */
    private static String refusal(SangdamException refused) {
        FacesContext faces = FacesContext.getCurrentInstance();
        return org.sangdam.console.Refusals.text(faces == null ? null : faces.getApplication().getResourceBundle(faces, "msg"), refused);
    }
}
