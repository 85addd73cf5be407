package org.hostarea.billing.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * The lock of one account's ledger in one currency ({@code id} = {@code accountId:currency}): every
 * movement locks it first and reads the balance as the sum of the entries under that lock.
 */
@Entity
@Table(name = "HA_CREDIT_ACCOUNT")
public class CreditAccountEntity {

    @Id
    @Column(name = "ID", length = 40)
    private String id;

    @Column(name = "ACCOUNT_ID", length = 36, nullable = false)
    private String accountId;

    @Column(name = "CURRENCY", length = 3, nullable = false)
    private String currency;

    protected CreditAccountEntity() {
    }

    CreditAccountEntity(String accountId, String currency) {
        this.id = key(accountId, currency);
        this.accountId = accountId;
        this.currency = currency;
    }

    static String key(String accountId, String currency) {
        return accountId + ":" + currency;
    }
}
