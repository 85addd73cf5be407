package org.hostarea.packages.internal.rest;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.hostarea.core.NotFoundException;
import org.hostarea.core.rest.HostareaApi;
import org.hostarea.core.rest.Public;
import org.hostarea.packages.CatalogService;
import org.hostarea.packages.Plan;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** The public catalog: the plans on offer, {@code /api/v1/catalog}. Withdrawn plans are not found. */
@Component(service = CatalogResource.class)
@JaxrsResource
@JaxrsApplicationSelect(HostareaApi.SELECT)
@JSONRequired
@Path("v1/catalog")
@Produces(MediaType.APPLICATION_JSON)
@Public
public class CatalogResource {

    private final CatalogService catalog;

    @Activate
    public CatalogResource(@Reference CatalogService catalog) {
        this.catalog = catalog;
    }

    @GET
    public List<Plan> plans() {
        return catalog.plans(true);
    }

    @GET
    @Path("{code}")
    public Plan plan(@PathParam("code") String code) {
        Plan plan = catalog.planByCode(code);
        if (!plan.active()) {
            throw new NotFoundException("plan-not-found", "There is no such plan.");
        }
        return plan;
    }
}
