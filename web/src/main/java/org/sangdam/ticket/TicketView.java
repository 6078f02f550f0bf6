package org.sangdam.ticket;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.sangdam.common.domain.NotFoundException;
import org.sangdam.phone.domain.PhoneNumbers;

import java.io.IOException;
import java.io.Serializable;

/**
 * One ticket with its call timeline (R2.5). Another service's ticket, or one that
 * does not exist, is a 404: its existence does not leak.
 */
@Named("ticket")
@ViewScoped
public class TicketView implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    TicketService tickets;

    private String id;
    private TicketInfo info;
    private String status;
    private String category;
    private String note;
    private String refusal;
    private boolean saved;

    public void load() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            show(tickets.get(Long.parseLong(id == null ? "" : id.strip())));
        } catch (NotFoundException | NumberFormatException notHere) {
            faces.getExternalContext().responseSendError(404, "no such ticket");
            faces.responseComplete();
        }
    }

    private void show(TicketInfo t) {
        info = t;
        status = t.status();
        category = t.category();
        note = t.note();
    }

    /** the agent's work on the ticket: status, category, notes (R4.3 "after finishing the ticket") */
    public void save() {
        try {
            show(tickets.update(info.id(), new TicketUpdate(status, category, note)));
            refusal = null;
            saved = true;
        } catch (org.sangdam.common.domain.SangdamException refused) {
            refusal = refused.getMessage();
            saved = false;
        }
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public String getRefusal() {
        return refusal;
    }

    public boolean isSaved() {
        return saved;
    }

    public String display(String number) {
        return PhoneNumbers.display(number);
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public TicketInfo getInfo() {
        return info;
    }
}
