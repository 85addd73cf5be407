package org.hostarea.forms.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Tunables of the forms bundle, PID {@code org.hostarea.forms}. */
@ObjectClassDefinition(name = "Hostarea forms", description = "Contract requests: four eyes, attachments.")
public @interface FormsConfiguration {

    String PID = "org.hostarea.forms";

    @AttributeDefinition(name = "Four-eyes types", description = "Comma-separated request types that need the approval of two "
            + "different staff members.")
    String fourEyes_types() default "MERGE_CUSTOMER_NUMBERS,CHANGE_CONTRACT_HOLDER,IDENTITY_VERIFICATION_BY_DOCUMENT";

    @AttributeDefinition(name = "Attachment size limit (bytes)", min = "1")
    int attachments_maxBytes() default 5 * 1024 * 1024;

    @AttributeDefinition(name = "Attachments per request", min = "1")
    int attachments_maxCount() default 5;

    @AttributeDefinition(name = "Keep attachments (days after the decision)", min = "0")
    int attachments_retentionDays() default 90;

    @AttributeDefinition(name = "Time zone", description = "The provider's zone, for the retention of attachments.")
    String zone() default "UTC";

    @AttributeDefinition(name = "Acceptance link", description = "The page the other party's acceptance link opens ({token} is "
            + "replaced).")
    String acceptance_linkTemplate() default "http://localhost:8181/accept-request?token={token}";

    @AttributeDefinition(name = "Acceptance link lifetime (days)", min = "1")
    int acceptance_days() default 14;
}
