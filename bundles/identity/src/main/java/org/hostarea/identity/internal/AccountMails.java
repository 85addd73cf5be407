package org.hostarea.identity.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hostarea.notifications.OutgoingMessage;

/** The mails identity sends to an account's owner, in the account's language (templates in {@code templates/identity.*}). */
final class AccountMails {

    static final String PASSWORD_RESET = "identity.password-reset";
    static final String PASSWORD_CHANGED = "identity.password-changed";
    static final String ACCOUNT_LOCKED = "identity.account-locked";
    static final String EMAIL_CHANGE = "identity.email-change";
    static final String EMAIL_CHANGED = "identity.email-changed";

    private AccountMails() {
    }

    static OutgoingMessage to(AccountEntity account, String template, Map<String, Object> params) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("name", account.ownerName());
        all.put("customerNumber", account.customerNumber());
        return OutgoingMessage.email(template, account.id(), account.language(), List.of(account.email()), all);
    }
}
