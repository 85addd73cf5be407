package org.hostarea.core.rest;

/**
 * Names every bundle uses to join the one JAX-RS application of Hostarea. A resource, filter or
 * provider selects it with {@code @JaxrsApplicationSelect(HostareaApi.SELECT)}.
 */
public final class HostareaApi {

    /** The whiteboard name of the application ({@code osgi.jaxrs.name}). */
    public static final String NAME = "hostarea";

    /** The whiteboard filter that selects the application. */
    public static final String SELECT = "(osgi.jaxrs.name=" + NAME + ")";

    /** The application is served below this path of the HTTP service. */
    public static final String BASE = "api";

    /** The media type of every error answer (RFC 9457). */
    public static final String PROBLEM_JSON = "application/problem+json";

    /** A problem's {@code type} is this prefix followed by the stable slug of the failure. */
    public static final String PROBLEM_TYPE_PREFIX = "urn:hostarea:problem:";

    /** The request correlation header: echoed on every response and put in the log context. */
    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    /** The log context (MDC) key under which the request id is logged. */
    public static final String REQUEST_ID_MDC_KEY = "requestId";

    /**
     * The whiteboard property that marks the route guard: the extension that authenticates every
     * request and enforces each route's declaration. The application is not served without it.
     */
    public static final String ROUTE_GUARD_PROPERTY = "hostarea.route.guard";

    private HostareaApi() {
    }
}
