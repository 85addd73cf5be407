package org.hostarea.forms.spi;

/**
 * The other party of a request (the account a domain goes to, the merged customer number, the new contract holder):
 * an account of this provider, or a person known by name and email only.
 */
public record Party(String accountId, String name, String email) {

    public Party {
        if ((accountId == null) == (email == null)) {
            throw new IllegalArgumentException("a party is an account or a person with an email");
        }
    }

    public static Party account(String accountId) {
        return new Party(accountId, null, null);
    }

    public static Party person(String name, String email) {
        return new Party(null, name, email);
    }
}
