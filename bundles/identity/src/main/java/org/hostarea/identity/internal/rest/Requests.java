package org.hostarea.identity.internal.rest;

import javax.servlet.http.HttpServletRequest;

import org.hostarea.core.ValidationException;
import org.hostarea.identity.ClientInfo;

/** Small helpers shared by the identity resources. */
final class Requests {

    private Requests() {
    }

    /** @throws ValidationException if the JSON body is missing ({@code null}) */
    static <T> T body(T body) {
        if (body == null) {
            throw ValidationException.of("body", "is required");
        }
        return body;
    }

    static ClientInfo client(HttpServletRequest request, String userAgent) {
        return new ClientInfo(request == null ? null : request.getRemoteAddr(), userAgent);
    }

    /** The token of an {@code Authorization} header value, or {@code null}. */
    static String bearerToken(String authorizationHeader) {
        return RouteGuard.bearerToken(authorizationHeader).orElse(null);
    }
}
