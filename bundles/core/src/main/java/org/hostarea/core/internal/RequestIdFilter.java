package org.hostarea.core.internal;

import java.util.UUID;
import java.util.regex.Pattern;

import javax.annotation.Priority;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.MultivaluedMap;

import org.hostarea.core.rest.HostareaApi;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.slf4j.MDC;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} if it is a safe token, a new UUID
 * otherwise. The id is put in the log context for the request, echoed on the response, and quoted in
 * problems. The same filter sets the headers every API answer carries: no caching, no MIME sniffing, no framing, a content
 * security policy that lets nothing run or load, no referrer, and the charset of every JSON or text body.
 */
@Component(service = {ContainerRequestFilter.class, ContainerResponseFilter.class}, immediate = true)
@JaxrsExtension
@JaxrsName("hostarea.request-id")
@JaxrsApplicationSelect(HostareaApi.SELECT)
@PreMatching
@Priority(100)
public class RequestIdFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final String PROPERTY = RequestIdFilter.class.getName();
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    public void filter(ContainerRequestContext request) {
        String requestId = accept(request.getHeaderString(HostareaApi.REQUEST_ID_HEADER));
        request.setProperty(PROPERTY, requestId);
        MDC.put(HostareaApi.REQUEST_ID_MDC_KEY, requestId);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object requestId = request.getProperty(PROPERTY);
        MultivaluedMap<String, Object> headers = response.getHeaders();
        if (requestId != null) {
            headers.putSingle(HostareaApi.REQUEST_ID_HEADER, requestId);
        }
        headers.putSingle("X-Content-Type-Options", "nosniff");
        // an API answer is never a page: nothing in it may run, load or be framed
        headers.putSingle("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        headers.putSingle("X-Frame-Options", "DENY");
        headers.putSingle("Referrer-Policy", "no-referrer");
        javax.ws.rs.core.MediaType type = response.getMediaType();
        if (type != null && !type.getParameters().containsKey(javax.ws.rs.core.MediaType.CHARSET_PARAMETER)
                && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json") || "text".equals(type.getType()))) {
            headers.putSingle(javax.ws.rs.core.HttpHeaders.CONTENT_TYPE, type.withCharset("UTF-8")); // every text body says its charset
        }
        if (!headers.containsKey("Cache-Control")) {
            headers.putSingle("Cache-Control", "no-store");
        }
        MDC.remove(HostareaApi.REQUEST_ID_MDC_KEY);
    }

    /** The caller's id if it is a short token of safe characters (no log or header injection), else a new one. */
    static String accept(String offered) {
        return offered != null && SAFE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }
}
