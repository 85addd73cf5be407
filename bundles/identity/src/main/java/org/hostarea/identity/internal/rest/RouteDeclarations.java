package org.hostarea.identity.internal.rest;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.ws.rs.HttpMethod;
import javax.ws.rs.Path;

import org.hostarea.core.rest.Public;
import org.hostarea.core.access.Permission;
import org.hostarea.core.access.StaffRole;
import org.hostarea.core.access.Authenticated;
import org.hostarea.core.access.CustomerRoute;
import org.hostarea.core.access.PackageRoute;
import org.hostarea.core.access.RouteAccess;
import org.hostarea.core.access.StaffRoute;

/**
 * Reads route access declarations. The route guard and the route inventory both use this one reading,
 * so what the inventory reports is exactly what the guard enforces. A method's declaration replaces its
 * class's; two declarations at the same level are a conflict and count as none.
 */
final class RouteDeclarations {

    /** One JAX-RS resource method: HTTP method, path template relative to the application, Java method. */
    record ResourceMethod(String httpMethod, String path, Method method, Optional<RouteAccess> access) {
    }

    private RouteDeclarations() {
    }

    /** The declaration that governs a resource method, or empty if it has none or conflicting ones. */
    static Optional<RouteAccess> of(Method method, Class<?> resourceClass) {
        List<RouteAccess> onMethod = declaredOn(method);
        if (!onMethod.isEmpty()) {
            return onMethod.size() == 1 ? Optional.of(onMethod.get(0)) : Optional.empty();
        }
        Class<?> owner = resourceClass != null ? resourceClass : method.getDeclaringClass();
        for (Class<?> c = owner; c != null && c != Object.class; c = c.getSuperclass()) {
            List<RouteAccess> onClass = declaredOn(c);
            if (!onClass.isEmpty()) {
                return onClass.size() == 1 ? Optional.of(onClass.get(0)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Every resource method of a resource class (sub-resource locators are not used in Hostarea). */
    static List<ResourceMethod> resourceMethods(Class<?> resourceClass) {
        String classPath = pathOf(resourceClass);
        List<ResourceMethod> result = new ArrayList<>();
        for (Method method : resourceClass.getMethods()) {
            if (Modifier.isStatic(method.getModifiers()) || method.isBridge() || method.isSynthetic()) {
                continue;
            }
            String httpMethod = httpMethodOf(method);
            if (httpMethod == null) {
                continue;
            }
            Path methodPath = method.getAnnotation(Path.class);
            String path = normalize("/" + classPath + "/" + (methodPath == null ? "" : methodPath.value()));
            result.add(new ResourceMethod(httpMethod, path, method, of(method, resourceClass)));
        }
        return result;
    }

    /** Collapses slashes, adds a leading one, drops a trailing one: the form the whiteboard reports. */
    static String normalize(String path) {
        String collapsed = ("/" + path).replaceAll("/{2,}", "/");
        return collapsed.length() > 1 && collapsed.endsWith("/") ? collapsed.substring(0, collapsed.length() - 1) : collapsed;
    }

    private static String pathOf(Class<?> resourceClass) {
        for (Class<?> c = resourceClass; c != null && c != Object.class; c = c.getSuperclass()) {
            Path path = c.getAnnotation(Path.class);
            if (path != null) {
                return path.value();
            }
        }
        return "";
    }

    private static String httpMethodOf(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static List<RouteAccess> declaredOn(AnnotatedElement element) {
        List<RouteAccess> found = new ArrayList<>(1);
        if (element.isAnnotationPresent(Public.class)) {
            found.add(RouteAccess.of(RouteAccess.Kind.PUBLIC));
        }
        if (element.isAnnotationPresent(Authenticated.class)) {
            found.add(RouteAccess.of(RouteAccess.Kind.AUTHENTICATED));
        }
        CustomerRoute customer = element.getAnnotation(CustomerRoute.class);
        if (customer != null) {
            found.add(new RouteAccess(RouteAccess.Kind.CUSTOMER, enumSet(Permission.class, customer.value()), Set.of()));
        }
        PackageRoute packageRoute = element.getAnnotation(PackageRoute.class);
        if (packageRoute != null) {
            found.add(new RouteAccess(RouteAccess.Kind.PACKAGE, enumSet(Permission.class, packageRoute.value()), Set.of()));
        }
        StaffRoute staff = element.getAnnotation(StaffRoute.class);
        if (staff != null) {
            found.add(new RouteAccess(RouteAccess.Kind.STAFF, Set.of(), enumSet(StaffRole.class, staff.value())));
        }
        return found;
    }

    private static <E extends Enum<E>> Set<E> enumSet(Class<E> type, E[] values) {
        EnumSet<E> set = EnumSet.noneOf(type);
        set.addAll(Arrays.asList(values));
        return set;
    }
}
