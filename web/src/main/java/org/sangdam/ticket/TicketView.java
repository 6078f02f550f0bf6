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

    public void load() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            info = tickets.get(Long.parseLong(id == null ? "" : id.strip()));
        } catch (NotFoundException | NumberFormatException notHere) {
            faces.getExternalContext().responseSendError(404, "no such ticket");
            faces.responseComplete();
        }
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
