package org.hostarea.billing.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.hostarea.identity.Account;

/** The values every billing mail greets and identifies the customer with; the caller adds its own. */
final class MailParams {

    private MailParams() {
    }

    /** A mutable map holding {@code name} and {@code customerNumber}. */
    static Map<String, Object> of(Account account) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("name", account.ownerName());
        params.put("customerNumber", account.customerNumber());
        return params;
    }
}
