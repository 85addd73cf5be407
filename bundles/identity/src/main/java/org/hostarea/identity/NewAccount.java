package org.hostarea.identity;

/**
 * What staff enter to open a customer account.
 *
 * @param language {@code en}, {@code es} or {@code de}; {@code null} means {@code en}
 * @param password an initial password, or {@code null}: the customer then sets the first one through
 *     the password reset
 */
public record NewAccount(String ownerName, String email, String language, String password) {

    @Override
    public String toString() {
        return "NewAccount[ownerName=" + ownerName + ", email=" + email + ", language=" + language + "]";
    }
}
