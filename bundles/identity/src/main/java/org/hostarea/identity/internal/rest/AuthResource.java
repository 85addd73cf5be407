package org.hostarea.identity.internal.rest;

import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.hostarea.core.ValidationException;
import org.hostarea.core.rest.HostareaApi;
import org.hostarea.core.rest.Public;
import org.hostarea.identity.AccountService;
import org.hostarea.identity.AuthenticationService;
import org.hostarea.identity.CredentialService;
import org.hostarea.identity.UserService;
import org.hostarea.identity.IssuedToken;
import org.hostarea.core.access.Callers;
import org.hostarea.core.access.SubjectType;
import org.hostarea.core.access.Authenticated;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** Customer login and logout: {@code /api/v1/auth}. */
@Component(service = AuthResource.class)
@JaxrsResource
@JaxrsApplicationSelect(HostareaApi.SELECT)
@JSONRequired
@Path("v1/auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    private final AuthenticationService authentication;
    private final AccountService accounts;
    private final CredentialService credentials;
    private final UserService users;

    @Activate
    public AuthResource(@Reference AuthenticationService authentication, @Reference AccountService accounts,
            @Reference CredentialService credentials, @Reference UserService users) {
        this.authentication = authentication;
        this.accounts = accounts;
        this.credentials = credentials;
        this.users = users;
    }

    /**
     * Customer number or owner email and the password; or a domain and its package's password (a session on
     * that package only). Any mismatch: 401 {@code invalid-credentials}.
     */
    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_JSON)
    @Public
    public TokenResponse login(CustomerLogin request, @Context HttpServletRequest http,
            @HeaderParam(HttpHeaders.USER_AGENT) String userAgent) {
        CustomerLogin body = ValidationException.requireBody(request);
        IssuedToken issued = authentication.login(body.login(), body.password(), body.accountId(), Requests.client(http, userAgent));
        if (issued.subject().type() == SubjectType.PACKAGE) {
            return TokenResponse.packageScope(issued);
        }
        return TokenResponse.customer(issued, accounts.get(issued.subject().accountId()).customerNumber());
    }

    /**
     * {@code {"login", "password", "accountId"?}}: customer number or email; {@code accountId} picks the
     * account for an invited user linked to several.
     */
    public record CustomerLogin(String login, String password, String accountId) {

        @Override
        public String toString() {
            return "CustomerLogin[login=" + login + "]";
        }
    }

    /**
     * {@code {"token", "name"?, "password"}}: accepts an invitation, creating the invitee's login (name and new
     * password) or linking their existing one (its password) to the account (204).
     */
    @POST
    @Path("invitations/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @Public
    public Response acceptInvitation(Acceptance request, @Context HttpServletRequest http,
            @HeaderParam(HttpHeaders.USER_AGENT) String userAgent) {
        Acceptance body = ValidationException.requireBody(request);
        users.accept(body.token(), body.name(), body.password(), Requests.client(http, userAgent));
        return Response.noContent().build();
    }

    /** {@code POST /api/v1/auth/invitations/accept}. */
    public record Acceptance(String token, String name, String password) {

        @Override
        public String toString() {
            return "Acceptance[name=" + name + "]";
        }
    }

    /**
     * {@code {"login"}}: customer number or owner email. Always 202 with the same body, whether or not the
     * account exists; if it does, the owner gets a single-use link by email.
     */
    @POST
    @Path("password-reset")
    @Consumes(MediaType.APPLICATION_JSON)
    @Public
    public Response requestReset(ResetRequest request, @Context HttpServletRequest http,
            @HeaderParam(HttpHeaders.USER_AGENT) String userAgent) {
        credentials.requestReset(ValidationException.requireBody(request).login(), Requests.client(http, userAgent));
        return Response.accepted(Map.of("message", "If the account exists, a link to choose a new password has been sent "
                + "to its owner's email address.")).build();
    }

    /** {@code {"token", "password"}}: the token of the mailed link and the new password (204). */
    @POST
    @Path("password-reset/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Public
    public Response confirmReset(ResetConfirmation request, @Context HttpServletRequest http,
            @HeaderParam(HttpHeaders.USER_AGENT) String userAgent) {
        ResetConfirmation body = ValidationException.requireBody(request);
        credentials.confirmReset(body.token(), body.password(), Requests.client(http, userAgent));
        return Response.noContent().build();
    }

    /** {@code {"token"}} from the mail sent to the new address: the login email changes now (204). */
    @POST
    @Path("email-change/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Public
    public Response confirmEmailChange(TokenOnly request, @Context HttpServletRequest http,
            @HeaderParam(HttpHeaders.USER_AGENT) String userAgent) {
        credentials.confirmEmailChange(ValidationException.requireBody(request).token(), Requests.client(http, userAgent));
        return Response.noContent().build();
    }

    /** {@code {"token"}}. */
    public record TokenOnly(String token) {
    }

    /** {@code POST /api/v1/auth/password-reset}. */
    public record ResetRequest(String login) {
    }

    /** {@code POST /api/v1/auth/password-reset/confirm}. */
    public record ResetConfirmation(String token, String password) {

        @Override
        public String toString() {
            return "ResetConfirmation";
        }
    }

    /** Ends the caller's session; the token is dead from now on. */
    @POST
    @Path("logout")
    @Authenticated
    public Response logout(@Context SecurityContext security) {
        authentication.logout(Callers.subject(security));
        return Response.noContent().build();
    }
}
