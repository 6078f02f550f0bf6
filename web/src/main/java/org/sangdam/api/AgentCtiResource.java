package org.sangdam.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.sangdam.agent.CtiService;
import org.sangdam.agent.AgentView;
import org.sangdam.agent.ConsultRequest;
import org.sangdam.agent.DialRequest;
import org.sangdam.agent.ReadyAgent;
import org.sangdam.agent.StatusChoice;
import org.sangdam.callerid.CallerIdInfo;
import org.sangdam.callerid.CallerIdService;
import org.sangdam.user.UserService;

import java.util.List;

/**
 * The phone widget's API (R2-R4), for the logged-in agent: the same actions the
 * console's buttons take. Each returns the agent's new state; an action the current
 * status does not allow is 409 with the reason and changes nothing. Stateless: the
 * database holds the agent's status, so any request (or tab) sees the truth.
 */
@Path("/cti/agent")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AgentCtiResource {
    @EJB
    CtiService console;
    @EJB
    CallerIdService callerIds;
    @EJB
    UserService users;

    @GET
    public AgentView state() { return console.state(); }

    @POST
    @Path("login")
    public AgentView login() { return console.login(); }

    @POST
    @Path("logout")
    public AgentView logout() { return console.logout(); }

    @PUT
    @Path("status")
    public AgentView status(StatusChoice choice) { return console.chooseStatus(choice); }

    @POST
    @Path("answer")
    public AgentView answer() { return console.answer(); }

    @POST
    @Path("dial")
    public AgentView dial(DialRequest request) { return console.dial(request); }

    @POST
    @Path("hold")
    public AgentView hold() { return console.hold(); }

    @POST
    @Path("release")
    public AgentView release() { return console.release(); }

    @POST
    @Path("consult")
    public AgentView consult(ConsultRequest request) { return console.consult(request); }

    @POST
    @Path("connect-customer")
    public AgentView connectCustomer() { return console.connectCustomer(); }

    @POST
    @Path("cancel-consult")
    public AgentView cancelConsult() { return console.cancelConsult(); }

    @POST
    @Path("abusive-termination")
    public AgentView abusiveTermination() { return console.abusiveTermination(); }

    @POST
    @Path("hang-up")
    public AgentView hangUp() { return console.hangUp(); }

    @GET
    @Path("ready-agents")
    public List<ReadyAgent> readyAgents() { return console.readyAgents(); }

    /** the approved caller IDs the dial dialog offers (R1.5, R2.7) */
    @GET
    @Path("caller-ids")
    public List<CallerIdInfo> callerIds() {
        Long service = users.me().serviceId();
        return service == null ? List.of() : callerIds.dialable(service);
    }
}
