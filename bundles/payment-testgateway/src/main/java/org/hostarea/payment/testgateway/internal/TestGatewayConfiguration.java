package org.hostarea.payment.testgateway.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code org.hostarea.payment.testgateway}. For tests only. */
@ObjectClassDefinition(name = "Hostarea test payment gateway", description = "Answers each payment as configured; tests only.")
public @interface TestGatewayConfiguration {

    String PID = "org.hostarea.payment.testgateway";

    @AttributeDefinition(name = "Default mode", description = "complete, decline, pending, error, timeout or throw; a payment's "
            + "option 'mode' overrides it.")
    String mode() default "complete";

    @AttributeDefinition(name = "Status answer", description = "What a status query (reconciliation) answers: COMPLETED, PENDING, "
            + "DECLINED or UNKNOWN.")
    String statusOutcome() default "COMPLETED";

    @AttributeDefinition(name = "Callback secret", description = "HMAC-SHA256 key of callbacks (header X-Test-Signature); empty: "
            + "every callback is refused.")
    String secret() default "";
}
