package org.hostarea.core.access;

import java.util.List;

/**
 * @param routes every route of the application, sorted by path and method
 * @param violations undeclared or conflicting declarations, and routes the runtime serves that could
 *     not be traced to a Java method; empty when every route is guarded
 * @param unserved services of the application (itself, its resources and extensions) that the JAX-RS runtime
 *     holds but does not serve, each with the reason; empty when everything registered is served
 */
public record RouteReport(List<Route> routes, List<String> violations, List<String> unserved) {

    public RouteReport {
        routes = List.copyOf(routes);
        violations = List.copyOf(violations);
        unserved = List.copyOf(unserved);
    }

    public RouteReport(List<Route> routes, List<String> violations) {
        this(routes, violations, List.of());
    }

    public boolean clean() {
        return violations.isEmpty();
    }
}
