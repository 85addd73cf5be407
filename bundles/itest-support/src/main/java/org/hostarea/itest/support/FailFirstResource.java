package org.hostarea.itest.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.hostarea.core.rest.HostareaApi;
import org.hostarea.core.rest.Public;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code GET /api/v1/itest-fail-first}: a resource whose component fails to activate once, the first time the
 * whiteboard asks for it (while the marker file named by its configuration exists; that activation deletes it), as a
 * component does that hits a transient error while every bundle starts. The JAX-RS whiteboard then holds it as not
 * gettable; the test checks that Hostarea brings the route back.
 */
@Component(service = FailFirstResource.class, configurationPid = FailFirstResource.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@JaxrsResource
@JaxrsApplicationSelect(HostareaApi.SELECT)
@JSONRequired
@javax.ws.rs.Path("v1/itest-fail-first")
@Produces(MediaType.APPLICATION_JSON)
public class FailFirstResource {

    public static final String PID = "org.hostarea.itest.failfirst";

    /** The configuration: the marker file whose presence makes an activation fail (and removes it). */
    public @interface Config {
        String marker();
    }

    @Activate
    public FailFirstResource(Config config) {
        try {
            if (Files.deleteIfExists(Path.of(config.marker()))) {
                throw new IllegalStateException("failing this first activation on purpose (marker " + config.marker() + ")");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Public
    public Map<String, String> get() {
        return Map.of("status", "served");
    }
}
