package org.hostarea.identity.internal.rest;

import javax.servlet.http.HttpServletRequest;

import org.hostarea.identity.ClientInfo;

/** Small helpers shared by the identity resources. */
final class Requests {

    private Requests() {
    }

    static ClientInfo client(HttpServletRequest request, String userAgent) {
        return new ClientInfo(request == null ? null : request.getRemoteAddr(), userAgent);
    }
}
