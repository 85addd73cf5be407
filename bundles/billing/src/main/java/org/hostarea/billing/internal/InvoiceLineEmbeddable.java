package org.hostarea.billing.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Embeddable;

/** One line of an invoice with its computed amounts (minor units of the invoice's currency, exact). */
@Embeddable
public class InvoiceLineEmbeddable {

    @Column(name = "DESCRIPTION", length = 500, nullable = false)
    private String description;

    @Column(name = "PACKAGE_ID", length = 36)
    private String packageId;

    @Column(name = "PERIOD_START")
    private LocalDate periodStart;

    @Column(name = "PERIOD_END")
    private LocalDate periodEnd;

    @Column(name = "QUANTITY", precision = 19, scale = 4, nullable = false)
    private BigDecimal quantity;

    @Column(name = "UNIT_PRICE", precision = 19, scale = 4, nullable = false)
    private BigDecimal unitPrice;

    @Column(name = "TAX_RATE", precision = 5, scale = 2, nullable = false)
    private BigDecimal taxRate;

    @Column(name = "NET", precision = 19, scale = 4, nullable = false)
    private BigDecimal net;

    @Column(name = "TAX", precision = 19, scale = 4, nullable = false)
    private BigDecimal tax;

    protected InvoiceLineEmbeddable() {
    }

    InvoiceLineEmbeddable(String description, String packageId, LocalDate periodStart, LocalDate periodEnd, BigDecimal quantity,
            BigDecimal unitPrice, BigDecimal taxRate, BigDecimal net, BigDecimal tax) {
        this.description = description;
        this.packageId = packageId;
        this.periodStart = periodStart;
        this.periodEnd = periodEnd;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
        this.taxRate = taxRate;
        this.net = net;
        this.tax = tax;
    }

    String description() {
        return description;
    }

    String packageId() {
        return packageId;
    }

    LocalDate periodStart() {
        return periodStart;
    }

    LocalDate periodEnd() {
        return periodEnd;
    }

    BigDecimal quantity() {
        return quantity.stripTrailingZeros().scale() < 0 ? quantity.setScale(0) : quantity.stripTrailingZeros();
    }

    BigDecimal unitPrice() {
        return unitPrice;
    }

    BigDecimal taxRate() {
        return taxRate;
    }

    BigDecimal net() {
        return net;
    }

    BigDecimal tax() {
        return tax;
    }
}
