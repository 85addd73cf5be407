package org.hostarea.packages.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Tunables of the packages bundle, PID {@code org.hostarea.packages}. */
@ObjectClassDefinition(name = "Hostarea packages", description = "Due dates, the due-changes job and installable apps.")
public @interface PackagesConfiguration {

    String PID = "org.hostarea.packages";

    @AttributeDefinition(name = "Time zone", description = "The provider's zone: due dates and 'today' are days in it.")
    String zone() default "UTC";

    @AttributeDefinition(name = "Due-changes job interval (minutes)", min = "1",
            description = "How often scheduled downgrades and end-of-term cancellations that fell due are applied.")
    int job_intervalMinutes() default 60;

    @AttributeDefinition(name = "Installable apps", description = "Comma-separated application names customers may install.")
    String apps_offered() default "wordpress,joomla,drupal,nextcloud,prestashop,moodle,mediawiki";

    @AttributeDefinition(name = "Cancellation requests need review", description = "A CANCELLATION request waits for staff (true) or is "
            + "carried out when submitted (false).")
    boolean forms_cancellationReview() default true;

    @AttributeDefinition(name = "Downgrade requests need review", description = "A DOWNGRADE request waits for staff (true) or is carried "
            + "out when submitted (false).")
    boolean forms_downgradeReview() default false;
}
