package org.hostarea.billing.internal.pdf;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything printed on an invoice PDF, already computed and rounded: the renderer only lays it out.
 *
 * @param language {@code en}, {@code es} or {@code de} (anything else: {@code en})
 * @param status DRAFT, UNPAID, PAID, CANCELLED or REFUNDED
 */
public record InvoiceDocument(String language, Provider provider, Holder holder, String number, LocalDate issueDate,
        LocalDate dueDate, String currency, List<Line> lines, List<TaxTotal> taxes, BigDecimal net, BigDecimal tax,
        BigDecimal total, BigDecimal paid, BigDecimal due, String status) {

    /** The provider's details, from configuration. {@code address} may have several lines ("\n"). */
    public record Provider(String name, String address, String taxId, String iban, String bic, String email) {
    }

    /** The account holder's master data; any field may be {@code null}. */
    public record Holder(String name, String company, String street, String postcode, String city, String country,
            String taxId, String customerNumber) {
    }

    /**
     * One line. {@code period} is e.g. "2026-11-22 – 2027-11-21" or {@code null}; {@code taxRate} in percent
     * (21.00); {@code net} = quantity × unit price, rounded.
     */
    public record Line(String description, String period, BigDecimal quantity, BigDecimal unitPrice, BigDecimal taxRate,
            BigDecimal net) {
    }

    /** Tax per rate: the taxed base and the tax amount. */
    public record TaxTotal(BigDecimal rate, BigDecimal base, BigDecimal amount) {
    }
}
