package org.hostarea.notifications.spi;

/**
 * A channel could not deliver. Transient failures (server down, timeout) are retried with backoff;
 * permanent ones (address rejected) fail the message at once.
 */
public class DeliveryException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean permanent;

    public DeliveryException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
