package org.sangdam.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.sangdam.agent.AgentBoardRow;
import org.sangdam.agent.AgentBoardService;

import java.util.List;

/**
 * The REST twin of 상담원 현황 (R2.3): a service's CTI agents and their current status,
 * for its administrators and system administrators; another service is 404. Its own
 * root resource, like {@link ServiceAuditResource}.
 */
@Path("/services/{serviceId}/agents/status")
@Produces(MediaType.APPLICATION_JSON)
public class AgentBoardResource {
    @EJB
    AgentBoardService board;

    @GET
    public List<AgentBoardRow> board(@PathParam("serviceId") long serviceId) {
        return board.board(serviceId);
    }
}
