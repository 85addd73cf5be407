package org.hostarea.benchmark.internal;

import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.hostarea.core.rest.HostareaApi;
import org.hostarea.core.rest.Public;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code GET /api/v1/bench/hello}: the bare JAX-RS answer the benchmark divides the real routes by — the same application,
 * filters and JSON writer, nothing behind it. Shipped only in the {@code hostarea-benchmark} feature, never in the product.
 */
@Component(service = HelloResource.class)
@JaxrsResource
@JaxrsApplicationSelect(HostareaApi.SELECT)
@JSONRequired
@Path("v1/bench/hello")
@Produces(MediaType.APPLICATION_JSON)
public class HelloResource {

    private static final Map<String, String> HELLO = Map.of("hello", "world");

    @GET
    @Public
    public Map<String, String> hello() {
        return HELLO;
    }
}
