package org.hostarea.identity.internal.rest;

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
import org.hostarea.identity.IssuedToken;
import org.hostarea.identity.access.Callers;
import org.hostarea.identity.access.Authenticated;
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

    @Activate
    public AuthResource(@Reference AuthenticationService authentication, @Reference AccountService accounts) {
        this.authentication = authentication;
        this.accounts = accounts;
    }

    /** Customer number or owner email, and the password. Any mismatch: 401 {@code invalid-credentials}. */
    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_JSON)
    @Public
    public TokenResponse login(LoginRequest request, @Context HttpServletRequest http,
            @HeaderParam(HttpHeaders.USER_AGENT) String userAgent) {
        LoginRequest body = ValidationException.requireBody(request);
        IssuedToken issued = authentication.login(body.login(), body.password(), Requests.client(http, userAgent));
        return TokenResponse.customer(issued, accounts.get(issued.subject().accountId()).customerNumber());
    }

    /** Ends the caller's session; the token is dead from now on. */
    @POST
    @Path("logout")
    @Authenticated
    public Response logout(@Context SecurityContext security) {
        authentication.endSession(Callers.subject(security).sessionId());
        return Response.noContent().build();
    }
}
