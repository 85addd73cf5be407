package org.hostarea.notifications.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Tunables of the notifications bundle, PID {@code org.hostarea.notifications}. */
@ObjectClassDefinition(name = "Hostarea notifications", description = "Delivery, retries and retention of messages.")
public @interface NotificationsConfiguration {

    String PID = "org.hostarea.notifications";

    @AttributeDefinition(name = "Poll interval (ms)", description = "How often the dispatcher looks for due messages.", min = "50")
    long dispatcher_pollIntervalMillis() default 1000;

    @AttributeDefinition(name = "Batch size", description = "Messages claimed per poll.", min = "1")
    int dispatcher_batchSize() default 20;

    @AttributeDefinition(name = "Delivery threads", min = "1")
    int dispatcher_threads() default 2;

    @AttributeDefinition(name = "Lease (s)", description = "How long a claimed message is reserved for one dispatcher; "
            + "after that another node may take it over.", min = "5")
    int dispatcher_leaseSeconds() default 120;

    @AttributeDefinition(name = "Attempts", description = "Delivery attempts before a message is FAILED.", min = "1")
    int retry_maxAttempts() default 8;

    @AttributeDefinition(name = "First retry delay (s)", description = "Doubles with every failed attempt.", min = "1")
    int retry_initialDelaySeconds() default 30;

    @AttributeDefinition(name = "Longest retry delay (s)", min = "1")
    int retry_maxDelaySeconds() default 3600;

    @AttributeDefinition(name = "Retention (years back)", description = "Messages created before 1 January of the year "
            + "this many years before the current one are purged: 2 keeps this year and the last.", min = "1")
    int retention_yearsBack() default 2;

    @AttributeDefinition(name = "Retention zone", description = "The provider's time zone for the calendar rule.")
    String retention_zone() default "UTC";

    @AttributeDefinition(name = "Purge hour", description = "Hour of the day (retention zone) the daily purge runs.", min = "0", max = "23")
    int retention_purgeHour() default 3;
}
