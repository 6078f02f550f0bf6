package org.sangdam.agent;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sangdam.admin.ServicePage;
import org.sangdam.push.BoardConnections;

import java.util.List;

/**
 * 서비스 관리 → 상담원 현황 (R2.3, shown to supervisors): the service's CTI agents and
 * their current status, re-read whenever the board's stream says an agent changed.
 */
@Named("agentStatusAdmin")
@ViewScoped
public class AgentStatusView extends ServicePage {
    private static final long serialVersionUID = 1L;

    @EJB
    AgentBoardService board;
    @Inject
    BoardConnections boards;

    private List<AgentBoardRow> rows = List.of();
    private String ticket;

    @Override
    protected void loaded() {
        rows = board.board(serviceId());
        ticket = boards.issue(serviceId(), FacesContext.getCurrentInstance().getExternalContext().getRemoteUser());
    }

    /** the table again, after a pushed change */
    public void refresh() {
        if (getTenant() != null) {
            rows = board.board(serviceId());
        }
    }

    public List<AgentBoardRow> getRows() {
        return rows;
    }

    public String getTicket() {
        return ticket;
    }
}
