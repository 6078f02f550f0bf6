package org.sangdam.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.sangdam.cti.CtiAgentInfo;
import org.sangdam.cti.AgentQueues;
import org.sangdam.cti.CtiAgentService;
import org.sangdam.cti.CtiAssignment;
import org.sangdam.user.UserInfo;
import org.sangdam.user.UserService;
import org.sangdam.user.UserSpec;
import org.sangdam.user.UserUpdate;

import java.util.List;

/** A service's users, their phone permission (R1.2) and CTI identity (R1.4). */
@Path("/services/{serviceId}/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {
    @EJB
    UserService users;
    @EJB
    CtiAgentService ctiAgents;

    /** the body of a password reset */
    public record PasswordReset(String password) {
    }

    @GET
    public List<UserInfo> list(@PathParam("serviceId") long serviceId) {
        return users.list(serviceId);
    }

    @POST
    public Response create(@PathParam("serviceId") long serviceId, UserSpec spec) {
        return Response.status(Response.Status.CREATED).entity(users.create(serviceId, spec)).build();
    }

    @GET
    @Path("{userId}")
    public UserInfo get(@PathParam("serviceId") long serviceId, @PathParam("userId") long userId) {
        return users.get(serviceId, userId);
    }

    @PUT
    @Path("{userId}")
    public UserInfo update(@PathParam("serviceId") long serviceId, @PathParam("userId") long userId, UserUpdate update) {
        return users.update(serviceId, userId, update);
    }

    @PUT
    @Path("{userId}/password")
    public Response resetPassword(@PathParam("serviceId") long serviceId, @PathParam("userId") long userId, PasswordReset reset) {
        users.resetPassword(serviceId, userId, reset == null ? null : reset.password());
        return Response.noContent().build();
    }

    @GET
    @Path("{userId}/cti")
    public CtiAgentInfo cti(@PathParam("serviceId") long serviceId, @PathParam("userId") long userId) {
        return ctiAgents.get(serviceId, userId);
    }

    @PUT
    @Path("{userId}/cti")
    public CtiAgentInfo assignCti(@PathParam("serviceId") long serviceId, @PathParam("userId") long userId, CtiAssignment assignment) {
        return ctiAgents.assign(serviceId, userId, assignment);
    }

    @DELETE
    @Path("{userId}/cti")
    public Response unassignCti(@PathParam("serviceId") long serviceId, @PathParam("userId") long userId) {
        ctiAgents.unassign(serviceId, userId);
        return Response.noContent().build();
    }

    @GET
    @Path("{userId}/queues")
    public AgentQueues queues(@PathParam("serviceId") long serviceId, @PathParam("userId") long userId) {
        return ctiAgents.queues(serviceId, userId);
    }

    /** The queues an agent answers (R2.6 scenario menus): {"queues": ["sales"]}; [] = every queue. */
    @PUT
    @Path("{userId}/queues")
    public AgentQueues setQueues(@PathParam("serviceId") long serviceId, @PathParam("userId") long userId, AgentQueues queues) {
        return ctiAgents.setQueues(serviceId, userId, queues);
    }
}
