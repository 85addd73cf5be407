package org.hostarea.core.access;

import java.util.List;

/**
 * @param routes every route of the application, sorted by path and method
 * @param violations undeclared or conflicting declarations, and routes the runtime serves that could
 *     not be traced to a Java method; empty when every route is guarded
 */
public record RouteReport(List<Route> routes, List<String> violations) {

    public RouteReport {
        routes = List.copyOf(routes);
        violations = List.copyOf(violations);
    }

    public boolean clean() {
        return violations.isEmpty();
    }
}
