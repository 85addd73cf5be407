package org.hostarea.billing.internal.rest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.hostarea.billing.CreditEntry;
import org.hostarea.billing.CreditService;
import org.hostarea.billing.Invoice;
import org.hostarea.billing.InvoiceService;
import org.hostarea.billing.InvoiceStatus;
import org.hostarea.billing.Payment;
import org.hostarea.billing.PaymentInput;
import org.hostarea.billing.PaymentService;
import org.hostarea.core.Page;
import org.hostarea.core.PageRequest;
import org.hostarea.core.ValidationException;
import org.hostarea.core.access.AuthorizationService;
import org.hostarea.core.access.Callers;
import org.hostarea.core.access.CustomerRoute;
import org.hostarea.core.access.Permission;
import org.hostarea.core.rest.HostareaApi;
import org.hostarea.core.rest.QueryParams;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** The account's invoices, {@code /api/v1/me/invoices} (INVOICES_VIEW_PAY); another account's invoice is 404. */
@Component(service = MeInvoicesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(HostareaApi.SELECT)
@JSONRequired
@Path("v1/me/invoices")
@Produces(MediaType.APPLICATION_JSON)
public class MeInvoicesResource {

    private final InvoiceService invoices;
    private final CreditService credit;
    private final PaymentService payments;
    private final AuthorizationService authorization;

    @Activate
    public MeInvoicesResource(@Reference InvoiceService invoices, @Reference CreditService credit, @Reference PaymentService payments,
            @Reference AuthorizationService authorization) {
        this.invoices = invoices;
        this.credit = credit;
        this.payments = payments;
        this.authorization = authorization;
    }

    /** {@code ?status=UNPAID|PAID|CANCELLED|REFUNDED&page=&size=}, newest first. */
    @GET
    @CustomerRoute(Permission.INVOICES_VIEW_PAY)
    public Page<Invoice> list(@QueryParam("status") String status, @QueryParam("page") String page, @QueryParam("size") String size,
            @Context SecurityContext security) {
        return invoices.invoices(account(security), QueryParams.optionalEnum(InvoiceStatus.class, "status", status),
                PageRequest.parse(page, size));
    }

    @GET
    @Path("{id}")
    @CustomerRoute(Permission.INVOICES_VIEW_PAY)
    public Invoice one(@PathParam("id") String id, @Context SecurityContext security) {
        return invoices.get(account(security), id);
    }

    /** The invoice as a PDF in the account's language. */
    @GET
    @Path("{id}/pdf")
    @Produces("application/pdf")
    @CustomerRoute(Permission.INVOICES_VIEW_PAY)
    public Response pdf(@PathParam("id") String id, @Context SecurityContext security) {
        String account = account(security);
        Invoice invoice = invoices.get(account, id);
        return Response.ok(invoices.pdf(account, id), "application/pdf")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"invoice-" + invoice.number() + ".pdf\"").build();
    }

    /**
     * {@code {"amount"?}} (or no body) with an optional {@code Idempotency-Key}: pays the invoice from the
     * account's credit (all that is due, or as much as the credit covers, when no amount is given) → the
     * ledger entry.
     */
    @POST
    @Path("{id}/apply-credit")
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomerRoute(Permission.INVOICES_VIEW_PAY)
    public CreditEntry applyCredit(@PathParam("id") String id, ApplyCredit request, @HeaderParam("Idempotency-Key") String key,
            @Context SecurityContext security) {
        String account = account(security);
        invoices.get(account, id);
        BigDecimal amount = request == null ? null : request.amount();
        return credit.applyToInvoice(account, id, amount, key, Callers.subject(security).actor());
    }

    /** {@code POST .../apply-credit}. */
    public record ApplyCredit(BigDecimal amount) {
    }

    /**
     * {@code {"gateway","amount"?,"options"?}} with an optional {@code Idempotency-Key}: pays this invoice (its
     * amount due by default) as {@code POST /api/v1/me/payments} does → 201 with the payment.
     */
    @POST
    @Path("{id}/payments")
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomerRoute(Permission.INVOICES_VIEW_PAY)
    public Response pay(@PathParam("id") String id, InvoicePayment request, @HeaderParam("Idempotency-Key") String key,
            @Context SecurityContext security, @Context UriInfo uri) {
        String account = account(security);
        invoices.get(account, id);
        InvoicePayment body = ValidationException.requireBody(request);
        Payment payment = payments.pay(account, new PaymentInput(body.gateway(), List.of(new PaymentInput.InvoicePart(id, body.amount())),
                body.options()), key, Callers.subject(security).actor());
        return Response.created(uri.getBaseUriBuilder().path("v1/me/payments").path(payment.id()).build()).entity(payment).build();
    }

    /** {@code POST .../payments}. */
    public record InvoicePayment(String gateway, BigDecimal amount, Map<String, String> options) {
    }

    private String account(SecurityContext security) {
        return authorization.requireAccount(Callers.subject(security), Permission.INVOICES_VIEW_PAY);
    }
}
