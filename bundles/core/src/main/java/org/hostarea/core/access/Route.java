package org.hostarea.core.access;

/**
 * One route of the application as the route inventory sees it.
 *
 * @param method the HTTP method
 * @param path the full path template below the HTTP root, e.g. {@code /api/v1/me}
 * @param handler the Java method serving it, {@code Class#method}
 * @param access its declaration, or {@code null} if it has none (or conflicting ones): such a route is
 *     refused at run time and is a defect
 */
public record Route(String method, String path, String handler, RouteAccess access) {

    public boolean declared() {
        return access != null;
    }
}
