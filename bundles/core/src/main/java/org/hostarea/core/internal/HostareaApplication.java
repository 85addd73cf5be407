package org.hostarea.core.internal;

import javax.ws.rs.core.Application;

import org.hostarea.core.rest.HostareaApi;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * The one JAX-RS application of Hostarea, served at {@code /api}. Every resource of every bundle joins
 * it through the whiteboard. It is only served while a JSON provider and the route guard (the
 * authentication and authorization filter of the identity bundle) are present, so no route can ever
 * be reached unguarded.
 */
@Component(service = Application.class)
@JaxrsName(HostareaApi.NAME)
@JaxrsApplicationBase(HostareaApi.BASE)
@JSONRequired
@JaxrsExtensionSelect("(" + HostareaApi.ROUTE_GUARD_PROPERTY + "=true)")
public class HostareaApplication extends Application {
}
