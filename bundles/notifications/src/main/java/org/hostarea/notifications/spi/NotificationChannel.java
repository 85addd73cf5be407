package org.hostarea.notifications.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A way to deliver messages, registered as an OSGi service by a plugin bundle. The dispatcher binds
 * channels dynamically by {@link #type()}; installing or removing a plugin never loses a message.
 * {@link #deliver} runs on a dispatcher thread, never on a request thread, and must time out by itself.
 */
@ConsumerType
public interface NotificationChannel {

    /** The channel type this plugin serves, e.g. {@code email}; one plugin per type is used. */
    String type();

    /** Delivers a message; returns normally only when the receiving side has taken it. */
    void deliver(Delivery delivery) throws DeliveryException;
}
