package org.sangdam.ticket;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sangdam.console.ConsoleView;
import org.sangdam.phone.domain.PhoneNumbers;

import java.io.Serializable;
import java.util.List;

/**
 * The ticket list (R2.5): the service's newest tickets, narrowed to mine or the whole
 * service, by status, and by customer number (typed in any form the phone-number
 * rules accept, or as a part of the number).
 */
@Named("ticketList")
@ViewScoped
public class TicketListView implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    TicketService tickets;
    @Inject
    ConsoleView console;

    private String scope = "service";
    private String status = "";
    private String search;
    private List<TicketInfo> all = List.of();
    private long me;

    @PostConstruct
    void load() {
        me = console.getMe().id();
        Long service = console.getServiceId();
        all = service == null ? List.of() : tickets.recent(service);
        if (console.isPhone()) {
            scope = "mine";
        }
    }

    public void reload() {
        load();
    }

    public List<TicketInfo> getTickets() {
        String digits = search == null ? "" : search.replaceAll("\\D", "");
        String e164 = null;
        if (search != null && !search.isBlank()) {
            try {
                e164 = PhoneNumbers.normalise("search", search);
            } catch (RuntimeException partial) {
                e164 = null;
            }
        }
        String exact = e164;
        return all.stream()
                .filter(t -> !"mine".equals(scope) || t.agentId() == me)
                .filter(t -> status == null || status.isEmpty() || status.equals(t.status()))
                .filter(t -> digits.isEmpty() || t.customerNumber().equals(exact)
                        || t.customerNumber().replaceAll("\\D", "").contains(digits)
                        || PhoneNumbers.display(t.customerNumber()).replaceAll("\\D", "").contains(digits))
                .toList();
    }

    public String display(String number) {
        return PhoneNumbers.display(number);
    }

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = scope;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }
}
