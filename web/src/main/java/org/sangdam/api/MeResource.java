package org.sangdam.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.sangdam.user.UserInfo;
import org.sangdam.user.UserService;

/** Who am I: the logged-in user with role, service and CTI identity. */
@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {
    @EJB
    UserService users;

    @GET
    public UserInfo me() {
        return users.me();
    }
}
