package org.hostarea.apidocs.internal;

import java.util.List;
import java.util.Set;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.swagger.v3.core.util.Json;

import org.hostarea.core.access.Route;
import org.hostarea.core.access.RouteInventory;
import org.hostarea.core.access.RouteReport;
import org.hostarea.core.rest.HostareaApi;
import org.hostarea.core.rest.Public;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code GET /api/v1/openapi.json}: the OpenAPI 3 document of every route the application serves now. Public
 * (the API is open source; what a route needs is in the document, nothing about data is). Routes come and go
 * with plugins, so the document is written again whenever the inventory's routes change.
 */
@Component(service = OpenApiResource.class)
@JaxrsResource
@JaxrsApplicationSelect(HostareaApi.SELECT)
@Path("v1/openapi.json")
public class OpenApiResource {

    private final RouteInventory inventory;
    private final String version;
    private volatile Written written;

    /** The document written for one set of routes. */
    private record Written(List<Route> routes, Set<Class<?>> classes, String json) {
    }

    @Activate
    public OpenApiResource(BundleContext context, @Reference RouteInventory inventory) {
        this.inventory = inventory;
        Bundle bundle = context.getBundle();
        this.version = bundle.getVersion().getMajor() + "." + bundle.getVersion().getMinor() + "." + bundle.getVersion().getMicro();
    }

    @GET
    @Public
    @Produces(MediaType.APPLICATION_JSON)
    public Response document() throws JsonProcessingException {
        RouteReport report = inventory.report();
        Set<Class<?>> classes = inventory.resourceClasses();
        Written last = written;
        if (last == null || !last.routes().equals(report.routes()) || !last.classes().equals(classes)) {
            String json = Json.mapper().writeValueAsString(OpenApiDocument.of(classes, report.routes(), OpenApiResource::tagOf, version));
            last = new Written(report.routes(), classes, json);
            written = last;
        }
        return Response.ok(last.json(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static String tagOf(Class<?> type) {
        Bundle bundle = type == null ? null : FrameworkUtil.getBundle(type);
        return bundle == null ? null : OpenApiDocument.tagOfBundle(bundle.getSymbolicName());
    }
}
