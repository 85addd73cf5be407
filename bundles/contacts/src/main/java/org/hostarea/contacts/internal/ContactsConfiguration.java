package org.hostarea.contacts.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Tunables of the contacts bundle, PID {@code org.hostarea.contacts}. */
@ObjectClassDefinition(name = "Hostarea contacts", description = "Email verification of contacts.")
public @interface ContactsConfiguration {

    String PID = "org.hostarea.contacts";

    @AttributeDefinition(name = "Verification link", description = "The customer-area page that takes the token; "
            + "{token} is replaced by it.")
    String verify_linkTemplate() default "http://localhost:8181/verify-email?token={token}";

    @AttributeDefinition(name = "Verification link lifetime (hours)", min = "1")
    int verify_tokenHours() default 72;
}
