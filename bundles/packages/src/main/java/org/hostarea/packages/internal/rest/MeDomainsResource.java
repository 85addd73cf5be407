package org.hostarea.packages.internal.rest;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.hostarea.core.Page;
import org.hostarea.core.PageRequest;
import org.hostarea.core.access.AuthorizationService;
import org.hostarea.core.access.Callers;
import org.hostarea.core.access.CustomerRoute;
import org.hostarea.core.access.Permission;
import org.hostarea.core.rest.HostareaApi;
import org.hostarea.packages.Domain;
import org.hostarea.packages.PackageService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** Every domain of the account's packages, {@code /api/v1/me/domains} (DOMAINS_VIEW), by name. */
@Component(service = MeDomainsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(HostareaApi.SELECT)
@JSONRequired
@Path("v1/me/domains")
@Produces(MediaType.APPLICATION_JSON)
public class MeDomainsResource {

    private final PackageService packages;
    private final AuthorizationService authorization;

    @Activate
    public MeDomainsResource(@Reference PackageService packages, @Reference AuthorizationService authorization) {
        this.packages = packages;
        this.authorization = authorization;
    }

    @GET
    @CustomerRoute(Permission.DOMAINS_VIEW)
    public Page<Domain> list(@QueryParam("page") String page, @QueryParam("size") String size, @Context SecurityContext security) {
        String account = authorization.requireAccount(Callers.subject(security), Permission.DOMAINS_VIEW);
        return packages.accountDomains(account, PageRequest.parse(page, size));
    }
}
