package org.hostarea.notify.webhook.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Where webhook events go and how they are signed, PID {@code org.hostarea.notify.webhook}. */
@ObjectClassDefinition(name = "Hostarea webhook channel", description = "POSTs signed JSON events to operator-configured URLs.")
public @interface WebhookConfiguration {

    String PID = "org.hostarea.notify.webhook";

    @AttributeDefinition(name = "URLs", description = "Receivers, http or https, comma-separated. Empty: the channel stays "
            + "off and webhook messages wait.")
    String urls() default "";

    @AttributeDefinition(name = "Signing secret", type = AttributeType.PASSWORD, description = "HMAC-SHA256 key shared with "
            + "the receivers; at least 32 characters.")
    String secret() default "";

    @AttributeDefinition(name = "Timeout (ms)", min = "100")
    int timeoutMillis() default 10000;
}
