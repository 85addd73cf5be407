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
import org.hostarea.identity.AuthenticationService;
import org.hostarea.core.access.Callers;
import org.hostarea.core.access.StaffRoute;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** Staff login and logout, a namespace apart from customers: {@code /api/v1/admin/auth}. */
@Component(service = AdminAuthResource.class)
@JaxrsResource
@JaxrsApplicationSelect(HostareaApi.SELECT)
@JSONRequired
@Path("v1/admin/auth")
@Produces(MediaType.APPLICATION_JSON)
public class AdminAuthResource {

    private final AuthenticationService authentication;

    @Activate
    public AdminAuthResource(@Reference AuthenticationService authentication) {
        this.authentication = authentication;
    }

    /** Staff username and password. Any mismatch: 401 {@code invalid-credentials}. */
    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_JSON)
    @Public
    public TokenResponse login(LoginRequest request, @Context HttpServletRequest http,
            @HeaderParam(HttpHeaders.USER_AGENT) String userAgent) {
        LoginRequest body = ValidationException.requireBody(request);
        return TokenResponse.staff(authentication.staffLogin(body.login(), body.password(), Requests.client(http, userAgent)));
    }

    @POST
    @Path("logout")
    @StaffRoute
    public Response logout(@Context SecurityContext security) {
        authentication.logout(Callers.subject(security));
        return Response.noContent().build();
    }
}
