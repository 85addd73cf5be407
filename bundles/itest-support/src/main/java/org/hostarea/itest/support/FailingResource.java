package org.hostarea.itest.support;

import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
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
 * {@code GET /api/v1/itest-failing}: a resource whose component never activates, as a component with a real bug.
 * Registering it anew does not help: the test checks that Hostarea stops trying and reports it.
 */
@Component(service = FailingResource.class, configurationPid = FailingResource.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@JaxrsResource
@JaxrsApplicationSelect(HostareaApi.SELECT)
@JSONRequired
@Path("v1/itest-failing")
@Produces(MediaType.APPLICATION_JSON)
public class FailingResource {

    public static final String PID = "org.hostarea.itest.failing";

    @Activate
    public FailingResource() {
        throw new IllegalStateException("this component never activates (integration test fixture)");
    }

    @GET
    @Public
    public Map<String, String> get() {
        return Map.of("status", "served");
    }
}
