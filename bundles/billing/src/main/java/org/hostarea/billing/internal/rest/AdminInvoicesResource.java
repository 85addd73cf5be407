package org.hostarea.billing.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.hostarea.billing.BankEntry;
import org.hostarea.billing.BankEntryStatus;
import org.hostarea.billing.BankStatementService;
import org.hostarea.billing.CreditBalance;
import org.hostarea.billing.CreditEntry;
import org.hostarea.billing.CreditService;
import org.hostarea.billing.ExchangeRate;
import org.hostarea.billing.ExchangeRateService;
import org.hostarea.billing.Invoice;
import org.hostarea.billing.InvoiceService;
import org.hostarea.billing.InvoiceStatus;
import org.hostarea.billing.NewInvoice;
import org.hostarea.billing.Payment;
import org.hostarea.billing.PaymentReport;
import org.hostarea.billing.PaymentReportService;
import org.hostarea.billing.PaymentReportStatus;
import org.hostarea.billing.PaymentService;
import org.hostarea.billing.PaymentStatus;
import org.hostarea.billing.StatementImport;
import org.hostarea.core.Page;
import org.hostarea.core.PageRequest;
import org.hostarea.core.ValidationException;
import org.hostarea.core.access.Callers;
import org.hostarea.core.access.StaffRole;
import org.hostarea.core.access.StaffRoute;
import org.hostarea.core.rest.HostareaApi;
import org.hostarea.core.rest.QueryParams;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * Staff billing: {@code /api/v1/admin/invoices}, {@code /api/v1/admin/payments} and {@code /api/v1/admin/credit}. Every staff member reads;
 * BILLING (and ADMIN) create, issue and cancel invoices and add credit.
 */
@Component(service = AdminInvoicesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(HostareaApi.SELECT)
@JSONRequired
@Path("v1/admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminInvoicesResource {

    private final InvoiceService invoices;
    private final CreditService credit;
    private final PaymentService payments;
    private final PaymentReportService reports;
    private final BankStatementService statements;
    private final ExchangeRateService rates;

    /** The limit of an uploaded bank statement. */
    private static final int MAX_STATEMENT = 5 * 1024 * 1024;

    @Activate
    public AdminInvoicesResource(@Reference InvoiceService invoices, @Reference CreditService credit,
            @Reference PaymentService payments, @Reference PaymentReportService reports, @Reference BankStatementService statements,
            @Reference ExchangeRateService rates) {
        this.statements = statements;
        this.rates = rates;
        this.invoices = invoices;
        this.credit = credit;
        this.payments = payments;
        this.reports = reports;
    }

    /** {@code ?accountId=&status=&page=&size=}. */
    @GET
    @Path("invoices")
    @StaffRoute
    public Page<Invoice> search(@QueryParam("accountId") String accountId, @QueryParam("status") String status,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        return invoices.search(accountId == null || accountId.isBlank() ? null : accountId,
                QueryParams.optionalEnum(InvoiceStatus.class, "status", status), PageRequest.parse(page, size));
    }

    /**
     * {@code {"accountId","currency","series"?,"dueDays"?,"lines":[{"description","packageId"?,"periodStart"?,"periodEnd"?,
     * "quantity"?,"unitPrice","taxRate"?}]}} → 201 DRAFT.
     */
    @POST
    @Path("invoices")
    @Consumes(MediaType.APPLICATION_JSON)
    @StaffRoute(StaffRole.BILLING)
    public Response create(NewInvoice request, @Context SecurityContext security, @Context UriInfo uri) {
        Invoice created = invoices.create(request, Callers.subject(security).actor());
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build()).entity(created).build();
    }

    @GET
    @Path("invoices/{id}")
    @StaffRoute
    public Invoice one(@PathParam("id") String id) {
        return invoices.get(id);
    }

    /** DRAFT → UNPAID with the next number of its series and year. */
    @POST
    @Path("invoices/{id}/issue")
    @StaffRoute(StaffRole.BILLING)
    public Invoice issue(@PathParam("id") String id, @Context SecurityContext security) {
        return invoices.issue(id, Callers.subject(security).actor());
    }

    /** {@code {"reason"?}}: UNPAID or DRAFT → CANCELLED; applied credit goes back to the ledger. */
    @POST
    @Path("invoices/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @StaffRoute(StaffRole.BILLING)
    public Invoice cancel(@PathParam("id") String id, Cancellation request, @Context SecurityContext security) {
        return invoices.cancel(id, ValidationException.requireBody(request).reason(), Callers.subject(security).actor());
    }

    /**
     * {@code {"reason"?}}: PAID → REFUNDED. What credit paid goes back to the credit; what gateways paid is
     * returned outside Hostarea and recorded here; an add-funds invoice takes its credit back (422 if spent).
     */
    @POST
    @Path("invoices/{id}/refund")
    @Consumes(MediaType.APPLICATION_JSON)
    @StaffRoute(StaffRole.BILLING)
    public Invoice refund(@PathParam("id") String id, Cancellation request, @Context SecurityContext security) {
        return invoices.refund(id, ValidationException.requireBody(request).reason(), Callers.subject(security).actor());
    }

    /** {@code POST .../cancel}, {@code .../refund} and {@code POST .../reject}. */
    public record Cancellation(String reason) {
    }

    /** {@code ?accountId=&status=&page=&size=}: payments of every account, newest first. */
    @GET
    @Path("payments")
    @StaffRoute
    public Page<Payment> payments(@QueryParam("accountId") String accountId, @QueryParam("status") String status,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        return payments.search(accountId == null || accountId.isBlank() ? null : accountId,
                QueryParams.optionalEnum(PaymentStatus.class, "status", status), PageRequest.parse(page, size));
    }

    /** Asks the gateways about open payments now (the job does it every minute): {@code {"changed": n}}. */
    @POST
    @Path("payments/reconcile")
    @StaffRoute(StaffRole.BILLING)
    public Map<String, Integer> reconcile() {
        return Map.of("changed", payments.reconcile());
    }

    /** {@code ?status=SUBMITTED|CONFIRMED|REJECTED&page=&size=}: offline payment reports, oldest first. */
    @GET
    @Path("payment-reports")
    @StaffRoute
    public Page<PaymentReport> reports(@QueryParam("status") String status, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return reports.search(QueryParams.optionalEnum(PaymentReportStatus.class, "status", status), PageRequest.parse(page, size));
    }

    /** Records the reported payment (once) and marks the report CONFIRMED. */
    @POST
    @Path("payment-reports/{id}/confirm")
    @StaffRoute(StaffRole.BILLING)
    public PaymentReport confirm(@PathParam("id") String id, @Context SecurityContext security) {
        return reports.confirm(id, Callers.subject(security).actor());
    }

    /** {@code {"reason"}}: rejects the report; the customer is told why. */
    @POST
    @Path("payment-reports/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @StaffRoute(StaffRole.BILLING)
    public PaymentReport reject(@PathParam("id") String id, Cancellation request, @Context SecurityContext security) {
        return reports.reject(id, ValidationException.requireBody(request).reason(), Callers.subject(security).actor());
    }

    /**
     * An ISO 20022 camt.053 bank statement (XML, at most 5 MiB): booked credit lines naming unpaid invoices that
     * owe exactly their amount record the payments, once; the rest is listed for staff.
     */
    @POST
    @Path("payments/bank-statements")
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML, MediaType.APPLICATION_OCTET_STREAM})
    @StaffRoute(StaffRole.BILLING)
    public StatementImport importStatement(InputStream body, @Context SecurityContext security) {
        byte[] xml;
        try {
            xml = body == null ? new byte[0] : body.readNBytes(MAX_STATEMENT + 1);
        } catch (IOException e) {
            throw new ValidationException("statement-invalid", "The statement could not be read.", List.of());
        }
        if (xml.length > MAX_STATEMENT) {
            throw new ValidationException("statement-invalid", "The statement is larger than 5 MiB.", List.of());
        }
        return statements.importStatement(xml, Callers.subject(security).actor());
    }

    /** {@code ?status=MATCHED|UNMATCHED|AMBIGUOUS&page=&size=}: imported statement lines, newest first. */
    @GET
    @Path("payments/bank-entries")
    @StaffRoute
    public Page<BankEntry> bankEntries(@QueryParam("status") String status, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return statements.entries(QueryParams.optionalEnum(BankEntryStatus.class, "status", status), PageRequest.parse(page, size));
    }

    /** The exchange rates staff maintain (for gateways that settle in one currency). */
    @GET
    @Path("exchange-rates")
    @StaffRoute
    public List<ExchangeRate> rates() {
        return rates.rates();
    }

    /** {@code {"rate"}}: one unit of {@code from} is {@code rate} units of {@code to}; replaces the previous rate. */
    @PUT
    @Path("exchange-rates/{from}/{to}")
    @Consumes(MediaType.APPLICATION_JSON)
    @StaffRoute(StaffRole.BILLING)
    public ExchangeRate setRate(@PathParam("from") String from, @PathParam("to") String to, RateInput request,
            @Context SecurityContext security) {
        return rates.set(from, to, ValidationException.requireBody(request).rate(), Callers.subject(security).actor());
    }

    /** {@code PUT .../exchange-rates/{from}/{to}}. */
    public record RateInput(BigDecimal rate) {
    }

    /** {@code ?accountId=}: the account's credit per currency with the entries. */
    @GET
    @Path("credit")
    @StaffRoute
    public List<CreditBalance> credit(@QueryParam("accountId") String accountId) {
        if (accountId == null || accountId.isBlank()) {
            throw ValidationException.of("accountId", "is required");
        }
        return credit.balances(accountId);
    }

    /** {@code {"accountId","currency","amount","note"?}}: adds credit (goodwill, corrections) → 201 with the entry. */
    @POST
    @Path("credit")
    @Consumes(MediaType.APPLICATION_JSON)
    @StaffRoute(StaffRole.BILLING)
    public Response addCredit(NewCredit request, @Context SecurityContext security) {
        NewCredit body = ValidationException.requireBody(request);
        if (body.accountId() == null || body.accountId().isBlank()) {
            throw ValidationException.of("accountId", "is required");
        }
        CreditEntry entry = credit.add(body.accountId(), body.currency(), body.amount(), body.note(), Callers.subject(security).actor());
        return Response.status(Response.Status.CREATED).entity(entry).build();
    }

    /** {@code POST /api/v1/admin/credit}. */
    public record NewCredit(String accountId, String currency, BigDecimal amount, String note) {
    }
}
