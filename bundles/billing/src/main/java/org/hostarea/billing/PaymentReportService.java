package org.hostarea.billing;

import java.util.List;

import org.hostarea.core.Page;
import org.hostarea.core.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Offline payment reports (seed 004): the customer reports, staff confirm (the payment is recorded, exactly
 * once, in the same transaction) or reject with a reason; the customer is mailed either way.
 */
@ProviderType
public interface PaymentReportService {

    /**
     * @throws org.hostarea.core.ValidationException for a bad field, mixed currencies, a day in the future
     * @throws org.hostarea.core.NotFoundException if an invoice is not the account's
     */
    PaymentReport report(String accountId, NewPaymentReport report, String actor);

    List<PaymentReport> reports(String accountId);

    Page<PaymentReport> search(PaymentReportStatus status, PageRequest page);

    /** @throws org.hostarea.core.ConflictException ({@code report-decided}) if it was confirmed or rejected already */
    PaymentReport confirm(String reportId, String actor);

    /** @throws org.hostarea.core.ConflictException ({@code report-decided}) */
    PaymentReport reject(String reportId, String reason, String actor);
}
