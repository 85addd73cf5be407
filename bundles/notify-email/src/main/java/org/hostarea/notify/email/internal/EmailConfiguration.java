package org.hostarea.notify.email.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The SMTP server and sender, PID {@code org.hostarea.notify.email}. */
@ObjectClassDefinition(name = "Hostarea email channel", description = "Sends messages over SMTP.")
public @interface EmailConfiguration {

    String PID = "org.hostarea.notify.email";

    @AttributeDefinition(name = "SMTP host")
    String host() default "localhost";

    @AttributeDefinition(name = "SMTP port", min = "1", max = "65535")
    int port() default 25;

    @AttributeDefinition(name = "Transport security", description = "NONE, STARTTLS (required, not opportunistic) or SSL.")
    String security() default "NONE";

    @AttributeDefinition(name = "SMTP user", description = "Empty: no authentication.")
    String username() default "";

    @AttributeDefinition(name = "SMTP password", type = AttributeType.PASSWORD)
    String password() default "";

    @AttributeDefinition(name = "From", description = "The sender address, e.g. Hosting <noreply@example.com>.")
    String from() default "noreply@localhost";

    @AttributeDefinition(name = "Reply-To", description = "Empty: none.")
    String replyTo() default "";

    @AttributeDefinition(name = "Connect timeout (ms)", min = "100")
    int connectTimeoutMillis() default 10000;

    @AttributeDefinition(name = "Read/write timeout (ms)", min = "100")
    int timeoutMillis() default 30000;

    @AttributeDefinition(name = "Message-ID domain", description = "The right-hand side of the Message-ID header.")
    String messageIdDomain() default "hostarea.local";
}
