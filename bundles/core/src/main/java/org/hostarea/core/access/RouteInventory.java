package org.hostarea.core.access;

import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Every route registered in the running Hostarea application, from the JAX-RS whiteboard's runtime
 * view, with each route's access declaration. Tests and the route sweep are driven by it, so a new
 * route is covered the moment it is registered.
 */
@ProviderType
public interface RouteInventory {

    /** The routes as the runtime serves them now, and what is wrong with them. */
    RouteReport report();

    /**
     * The classes of the resource services the application serves now, for API documentation (read with the
     * same runtime view as {@link #report()}, so a route of a class missing here is missing there too).
     */
    Set<Class<?>> resourceClasses();
}
