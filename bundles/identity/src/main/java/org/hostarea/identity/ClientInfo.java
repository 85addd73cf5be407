package org.hostarea.identity;

/** Where a login comes from, kept with the session so the customer can recognise it. */
public record ClientInfo(String remoteAddress, String userAgent) {

    public static final ClientInfo UNKNOWN = new ClientInfo(null, null);
}
