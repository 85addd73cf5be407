package org.hostarea.packages.internal.rest;

import java.util.List;

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
import javax.ws.rs.core.UriInfo;

import org.hostarea.core.access.StaffRole;
import org.hostarea.core.access.StaffRoute;
import org.hostarea.core.rest.HostareaApi;
import org.hostarea.packages.CatalogService;
import org.hostarea.packages.Plan;
import org.hostarea.packages.PlanInput;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** Staff manage the catalog: {@code /api/v1/admin/catalog/plans}. Every staff member reads; ADMIN changes. */
@Component(service = AdminCatalogResource.class)
@JaxrsResource
@JaxrsApplicationSelect(HostareaApi.SELECT)
@JSONRequired
@Path("v1/admin/catalog/plans")
@Produces(MediaType.APPLICATION_JSON)
public class AdminCatalogResource {

    private final CatalogService catalog;

    @Activate
    public AdminCatalogResource(@Reference CatalogService catalog) {
        this.catalog = catalog;
    }

    /** Every plan, withdrawn ones too. */
    @GET
    @StaffRoute
    public List<Plan> plans() {
        return catalog.plans(false);
    }

    @GET
    @Path("{id}")
    @StaffRoute
    public Plan plan(@PathParam("id") String id) {
        return catalog.plan(id);
    }

    /** {@code {"code","type","names":{"en":..},"prices":[{"cycle","currency","amount"}],"limits"?,"upgradesTo"?,"downgradesTo"?,"active"?}} → 201. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @StaffRoute(StaffRole.ADMIN)
    public Response create(PlanInput plan, @Context UriInfo uri) {
        Plan created = catalog.create(plan);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build()).entity(created).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @StaffRoute(StaffRole.ADMIN)
    public Plan replace(@PathParam("id") String id, PlanInput plan) {
        return catalog.update(id, plan);
    }

    @DELETE
    @Path("{id}")
    @StaffRoute(StaffRole.ADMIN)
    public Response delete(@PathParam("id") String id) {
        catalog.delete(id);
        return Response.noContent().build();
    }
}
