package org.hostarea.billing;

public enum PaymentReportStatus {
    SUBMITTED, CONFIRMED, REJECTED
}
