package org.hostarea.identity.internal.rest;

import java.util.List;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.hostarea.core.ValidationException;
import org.hostarea.core.rest.HostareaApi;
import org.hostarea.identity.Account;
import org.hostarea.identity.AccountService;
import org.hostarea.identity.AuthenticationService;
import org.hostarea.core.access.AuthorizationService;
import org.hostarea.identity.CredentialService;
import org.hostarea.identity.SessionInfo;
import org.hostarea.core.access.Callers;
import org.hostarea.core.access.CustomerRoute;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** The caller's own account, password and sessions: {@code /api/v1/me}. */
@Component(service = MeResource.class)
@JaxrsResource
@JaxrsApplicationSelect(HostareaApi.SELECT)
@JSONRequired
@Path("v1/me")
@Produces(MediaType.APPLICATION_JSON)
@CustomerRoute
public class MeResource {

    private final AccountService accounts;
    private final AuthorizationService authorization;
    private final AuthenticationService authentication;
    private final CredentialService credentials;

    /** {@code PUT /api/v1/me/password}. */
    public record PasswordChange(String currentPassword, String newPassword) {

        @Override
        public String toString() {
            return "PasswordChange";
        }
    }

    @Activate
    public MeResource(@Reference AccountService accounts, @Reference AuthorizationService authorization,
            @Reference AuthenticationService authentication, @Reference CredentialService credentials) {
        this.accounts = accounts;
        this.authorization = authorization;
        this.authentication = authentication;
        this.credentials = credentials;
    }

    @GET
    public Account me(@Context SecurityContext security) {
        return accounts.get(authorization.requireAccount(Callers.subject(security)));
    }

    /** Needs the current password; ends every other session and mails the owner (204). */
    @PUT
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changePassword(PasswordChange request, @Context SecurityContext security,
            @Context HttpServletRequest http, @HeaderParam(HttpHeaders.USER_AGENT) String userAgent) {
        PasswordChange body = ValidationException.requireBody(request);
        credentials.change(Callers.subject(security), body.currentPassword(), body.newPassword(), Requests.client(http, userAgent));
        return Response.noContent().build();
    }

    /** {@code PUT /api/v1/me/email}. */
    public record EmailChange(String currentPassword, String newEmail) {

        @Override
        public String toString() {
            return "EmailChange[newEmail=" + newEmail + "]";
        }
    }

    /**
     * Asks to change the login email (holder only, current password): the change happens when the link
     * mailed to the new address is followed (202).
     */
    @PUT
    @Path("email")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changeEmail(EmailChange request, @Context SecurityContext security, @Context HttpServletRequest http,
            @HeaderParam(HttpHeaders.USER_AGENT) String userAgent) {
        EmailChange body = ValidationException.requireBody(request);
        credentials.requestEmailChange(Callers.subject(security), body.currentPassword(), body.newEmail(),
                Requests.client(http, userAgent));
        return Response.accepted().build();
    }

    /** Where the caller's login is in use (device, address, created, last seen), newest first. */
    @GET
    @Path("sessions")
    public List<SessionInfo> sessions(@Context SecurityContext security) {
        return authentication.sessions(Callers.subject(security));
    }

    /** Ends one of the caller's sessions (404 if it is not one of theirs). */
    @DELETE
    @Path("sessions/{id}")
    public Response endSession(@Context SecurityContext security, @PathParam("id") String id) {
        authentication.endSession(Callers.subject(security), id);
        return Response.noContent().build();
    }
}
