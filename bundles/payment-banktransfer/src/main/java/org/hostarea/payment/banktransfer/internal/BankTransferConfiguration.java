package org.hostarea.payment.banktransfer.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code org.hostarea.payment.banktransfer}. */
@ObjectClassDefinition(name = "Hostarea bank transfer", description = "The account customers transfer to.")
public @interface BankTransferConfiguration {

    String PID = "org.hostarea.payment.banktransfer";

    @AttributeDefinition(name = "Enabled", description = "Offer bank transfer to customers (payments already started still complete).")
    boolean enabled() default true;

    @AttributeDefinition(name = "Account holder")
    String accountHolder() default "";

    @AttributeDefinition(name = "IBAN", description = "Without it the gateway is not offered.")
    String iban() default "";

    @AttributeDefinition(name = "BIC")
    String bic() default "";

    @AttributeDefinition(name = "Bank name")
    String bankName() default "";
}
