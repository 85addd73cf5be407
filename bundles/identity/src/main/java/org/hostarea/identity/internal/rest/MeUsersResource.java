package org.hostarea.identity.internal.rest;

import java.util.List;
import java.util.Set;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.hostarea.core.ValidationException;
import org.hostarea.core.access.Callers;
import org.hostarea.core.access.CustomerRoute;
import org.hostarea.core.access.Permission;
import org.hostarea.core.rest.HostareaApi;
import org.hostarea.identity.Invitation;
import org.hostarea.identity.LinkedUser;
import org.hostarea.identity.UserService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * The holder's invited users: {@code /api/v1/me/users}. Customer routes, and within them holder-only (the
 * service answers 403 {@code holder-only} to invited users).
 */
@Component(service = MeUsersResource.class)
@JaxrsResource
@JaxrsApplicationSelect(HostareaApi.SELECT)
@JSONRequired
@Path("v1/me/users")
@Produces(MediaType.APPLICATION_JSON)
@CustomerRoute
public class MeUsersResource {

    private final UserService users;

    /** {@code {"email", "permissions": [...]}}. */
    public record InvitationRequest(String email, Set<Permission> permissions) {
    }

    /** {@code {"permissions": [...]}}. */
    public record Grant(Set<Permission> permissions) {
    }

    @Activate
    public MeUsersResource(@Reference UserService users) {
        this.users = users;
    }

    @GET
    public List<LinkedUser> list(@Context SecurityContext security) {
        return users.users(Callers.subject(security));
    }

    /** Invites an email with a set of permissions; the invitee gets a single-use link by mail (201). */
    @POST
    @Path("invitations")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response invite(InvitationRequest request, @Context SecurityContext security) {
        InvitationRequest body = ValidationException.requireBody(request);
        Invitation invitation = users.invite(Callers.subject(security), body.email(), body.permissions());
        return Response.status(Response.Status.CREATED).entity(invitation).build();
    }

    /** Replaces a user's permissions on the account; counts from their next request. */
    @PUT
    @Path("{id}/permissions")
    @Consumes(MediaType.APPLICATION_JSON)
    public LinkedUser grant(@PathParam("id") String id, Grant grant, @Context SecurityContext security) {
        return users.grant(Callers.subject(security), id, ValidationException.requireBody(grant).permissions());
    }

    /** Unlinks the user from the account and ends their sessions on it (204). */
    @DELETE
    @Path("{id}")
    public Response remove(@PathParam("id") String id, @Context SecurityContext security) {
        users.remove(Callers.subject(security), id);
        return Response.noContent().build();
    }
}
