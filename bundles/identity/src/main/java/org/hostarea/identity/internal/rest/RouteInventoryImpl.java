package org.hostarea.identity.internal.rest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hostarea.core.rest.HostareaApi;
import org.hostarea.core.access.Route;
import org.hostarea.core.access.RouteInventory;
import org.hostarea.core.access.RouteReport;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceMethodInfoDTO;
import org.osgi.service.jaxrs.runtime.dto.RuntimeDTO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the route inventory from the whiteboard's own runtime view of the Hostarea application (so
 * nothing the runtime serves can be missed) and traces each route to the Java method of its resource
 * service to read the declaration the guard will enforce. A Hostarea resource that landed in another
 * JAX-RS application (the whiteboard's default one, for a resource that forgot to select ours) is a
 * violation too: no guard runs there.
 */
@Component(service = RouteInventory.class)
public class RouteInventoryImpl implements RouteInventory {

    private static final Logger LOG = LoggerFactory.getLogger(RouteInventoryImpl.class);

    private final BundleContext context;
    private final JaxrsServiceRuntime runtime;

    @Activate
    public RouteInventoryImpl(BundleContext context, @Reference JaxrsServiceRuntime runtime) {
        this.context = context;
        this.runtime = runtime;
    }

    /**
     * The whiteboard's description of itself. Aries 2.0.2 throws while it builds the description of a failed
     * extension whose service is going away (a plugin being removed): such a read is tried again.
     */
    private RuntimeDTO runtimeDTO() {
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                return runtime.getRuntimeDTO();
            } catch (RuntimeException e) {
                LOG.debug("the JAX-RS runtime could not describe itself ({}); reading it again", e.toString());
                Thread.onSpinWait();
            }
        }
        return null;
    }

    @Override
    public RouteReport report() {
        ServiceReference<JaxrsServiceRuntime> runtimeReference = context.getServiceReference(JaxrsServiceRuntime.class);
        List<ServiceReference<?>> registered = runtimeReference == null ? List.of() : WhiteboardFailures.registered(context, runtimeReference);
        RuntimeDTO dto = runtimeDTO();
        if (dto == null) {
            return new RouteReport(List.of(), List.of("the JAX-RS runtime could not describe itself; try again"));
        }
        List<Route> routes = new ArrayList<>();
        List<String> violations = new ArrayList<>();
        List<String> unserved = WhiteboardFailures.of(dto, this::reference, registered).stream().map(WhiteboardFailures.Failure::describe).toList();
        ApplicationDTO application = null;
        for (ApplicationDTO candidate : dto.applicationDTOs) {
            if (HostareaApi.NAME.equals(candidate.name)) {
                application = candidate;
            }
        }
        if (application == null) {
            violations.add("the application '" + HostareaApi.NAME + "' is not deployed");
            return new RouteReport(routes, violations, unserved);
        }
        List<ApplicationDTO> others = new ArrayList<>(List.of(dto.applicationDTOs));
        others.remove(application);
        if (dto.defaultApplication != null) {
            others.add(dto.defaultApplication);
        }
        for (ApplicationDTO other : others) {
            for (ResourceDTO resource : other.resourceDTOs) {
                if (fromHostarea(resource.serviceId)) {
                    violations.add("resource service " + resource.serviceId + " (" + resource.name + ") is served by the application '"
                            + other.name + "', where no route guard runs: select " + HostareaApi.SELECT);
                }
            }
        }
        String base = RouteDeclarations.normalize(application.base);
        for (ResourceMethodInfoDTO info : application.resourceMethods) {
            violations.add("route " + info.method + " " + info.path + " is served by the Application itself, not by a guarded resource service");
        }
        for (ResourceDTO resource : application.resourceDTOs) {
            Class<?> type = resourceClass(resource.serviceId);
            if (type == null) {
                violations.add("resource service " + resource.serviceId + " (" + resource.name + ") disappeared while reading it");
                continue;
            }
            Map<String, RouteDeclarations.ResourceMethod> methods = new HashMap<>();
            for (RouteDeclarations.ResourceMethod method : RouteDeclarations.resourceMethods(type)) {
                RouteDeclarations.ResourceMethod twin = methods.put(method.httpMethod() + " " + method.path(), method);
                if (twin != null && !twin.access().equals(method.access())) {
                    violations.add(method.httpMethod() + " " + method.path() + " is served by " + twin.method().getName() + " and "
                            + method.method().getName() + " of " + type.getName() + " with different declarations");
                }
            }
            for (ResourceMethodInfoDTO info : resource.resourceMethods) {
                if (info.method == null) {
                    violations.add("sub-resource locator " + info.path + " in " + type.getName() + " cannot be checked");
                    continue;
                }
                String path = RouteDeclarations.normalize(info.path);
                RouteDeclarations.ResourceMethod method = methods.get(info.method + " " + path);
                String fullPath = RouteDeclarations.normalize(base + path);
                if (method == null) {
                    violations.add(info.method + " " + fullPath + " could not be traced to a method of " + type.getName());
                    routes.add(new Route(info.method, fullPath, type.getName(), null));
                    continue;
                }
                String handler = type.getName() + "#" + method.method().getName();
                Route route = new Route(info.method, fullPath, handler, method.access().orElse(null));
                if (!route.declared()) {
                    violations.add(info.method + " " + fullPath + " (" + handler + ") declares no access, or conflicting ones");
                }
                routes.add(route);
            }
        }
        routes.sort(Comparator.comparing(Route::path).thenComparing(Route::method));
        return new RouteReport(routes, violations, unserved);
    }

    @Override
    public Set<Class<?>> resourceClasses() {
        RuntimeDTO dto = runtimeDTO();
        Set<Class<?>> classes = new LinkedHashSet<>();
        if (dto == null) {
            return classes;
        }
        for (ApplicationDTO candidate : dto.applicationDTOs) {
            if (HostareaApi.NAME.equals(candidate.name)) {
                for (ResourceDTO resource : candidate.resourceDTOs) {
                    Class<?> type = resourceClass(resource.serviceId);
                    if (type != null) {
                        classes.add(type);
                    }
                }
            }
        }
        return classes;
    }

    private Class<?> resourceClass(long serviceId) {
        ServiceReference<?> ref = reference(serviceId);
        return ref == null ? null : classOf(ref);
    }

    private boolean fromHostarea(long serviceId) {
        ServiceReference<?> ref = reference(serviceId);
        return ref != null && ref.getBundle() != null && ref.getBundle().getSymbolicName().startsWith("org.hostarea.");
    }

    private ServiceReference<?> reference(long serviceId) {
        return WhiteboardFailures.reference(context, serviceId);
    }

    private <S> Class<?> classOf(ServiceReference<S> ref) {
        ServiceObjects<S> objects = context.getServiceObjects(ref);
        if (objects == null) {
            return null;
        }
        S service = objects.getService();
        if (service == null) {
            return null;
        }
        try {
            return service.getClass();
        } finally {
            objects.ungetService(service);
        }
    }
}
