package org.hostarea.identity.internal.rest;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.hostarea.core.rest.HostareaApi;
import org.hostarea.core.access.RouteInventory;
import org.hostarea.core.access.RouteReport;
import org.hostarea.core.access.StaffRoute;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** The route inventory for staff: every route with its access declaration, and what is wrong. */
@Component(service = AdminRouteResource.class)
@JaxrsResource
@JaxrsApplicationSelect(HostareaApi.SELECT)
@JSONRequired
@Path("v1/admin/routes")
@Produces(MediaType.APPLICATION_JSON)
public class AdminRouteResource {

    private final RouteInventory inventory;

    @Activate
    public AdminRouteResource(@Reference RouteInventory inventory) {
        this.inventory = inventory;
    }

    @GET
    @StaffRoute
    public RouteReport routes() {
        return inventory.report();
    }
}
