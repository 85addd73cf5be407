package org.hostarea.identity.internal.rest;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.hostarea.core.rest.HostareaApi;
import org.hostarea.identity.Account;
import org.hostarea.identity.AccountService;
import org.hostarea.identity.AuthorizationService;
import org.hostarea.identity.access.Callers;
import org.hostarea.identity.access.CustomerRoute;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** The caller's own account: {@code GET /api/v1/me}. */
@Component(service = MeResource.class)
@JaxrsResource
@JaxrsApplicationSelect(HostareaApi.SELECT)
@JSONRequired
@Path("v1/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    private final AccountService accounts;
    private final AuthorizationService authorization;

    @Activate
    public MeResource(@Reference AccountService accounts, @Reference AuthorizationService authorization) {
        this.accounts = accounts;
        this.authorization = authorization;
    }

    @GET
    @CustomerRoute
    public Account me(@Context SecurityContext security) {
        return accounts.get(authorization.requireAccount(Callers.subject(security)));
    }
}
