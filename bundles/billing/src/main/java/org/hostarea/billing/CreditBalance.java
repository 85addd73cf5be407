package org.hostarea.billing;

import java.util.List;

import org.hostarea.core.Money;

/** The credit of an account in one currency: the sum of its entries (newest first), never negative. */
public record CreditBalance(String currency, Money balance, List<CreditEntry> entries) {

    public CreditBalance {
        entries = List.copyOf(entries);
    }
}
