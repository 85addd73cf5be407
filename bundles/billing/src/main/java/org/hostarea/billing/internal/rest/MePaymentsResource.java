package org.hostarea.billing.internal.rest;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.hostarea.billing.NewPaymentReport;
import org.hostarea.billing.Payment;
import org.hostarea.billing.PaymentInput;
import org.hostarea.billing.PaymentReport;
import org.hostarea.billing.PaymentReportService;
import org.hostarea.billing.PaymentService;
import org.hostarea.core.Page;
import org.hostarea.core.PageRequest;
import org.hostarea.core.access.AuthorizationService;
import org.hostarea.core.access.Callers;
import org.hostarea.core.access.CustomerRoute;
import org.hostarea.core.access.Permission;
import org.hostarea.core.rest.HostareaApi;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** The account's payments, {@code /api/v1/me/payments} (INVOICES_VIEW_PAY): pay, history, one payment. */
@Component(service = MePaymentsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(HostareaApi.SELECT)
@JSONRequired
@Path("v1/me/payments")
@Produces(MediaType.APPLICATION_JSON)
public class MePaymentsResource {

    private final PaymentService payments;
    private final PaymentReportService reports;
    private final AuthorizationService authorization;

    @Activate
    public MePaymentsResource(@Reference PaymentService payments, @Reference PaymentReportService reports,
            @Reference AuthorizationService authorization) {
        this.payments = payments;
        this.reports = reports;
        this.authorization = authorization;
    }

    /**
     * {@code {"gateway","invoices":[{"invoiceId","amount"?}],"options"?}} with an optional {@code Idempotency-Key}
     * → 201 with the payment: COMPLETED, PENDING (with {@code redirectUrl} or {@code instructions}), DECLINED or
     * UNKNOWN (checked again later). 503 if the gateway is not installed.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomerRoute(Permission.INVOICES_VIEW_PAY)
    public Response pay(PaymentInput request, @HeaderParam("Idempotency-Key") String key, @Context SecurityContext security,
            @Context UriInfo uri) {
        Payment payment = payments.pay(account(security), request, key, Callers.subject(security).actor());
        return Response.created(uri.getAbsolutePathBuilder().path(payment.id()).build()).entity(payment).build();
    }

    /**
     * {@code {"invoiceIds":[...],"amount","paidOn","branch"?,"receiptNumber","note"?}}: reports a payment made at a
     * bank branch or by transfer, for staff to confirm → 201.
     */
    @POST
    @Path("reports")
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomerRoute(Permission.INVOICES_VIEW_PAY)
    public Response report(NewPaymentReport request, @Context SecurityContext security) {
        PaymentReport report = reports.report(account(security), request, Callers.subject(security).actor());
        return Response.status(Response.Status.CREATED).entity(report).build();
    }

    /** The account's payment reports, newest first. */
    @GET
    @Path("reports")
    @CustomerRoute(Permission.INVOICES_VIEW_PAY)
    public List<PaymentReport> reports(@Context SecurityContext security) {
        return reports.reports(account(security));
    }

    /** The payment history, newest first. */
    @GET
    @CustomerRoute(Permission.INVOICES_VIEW_PAY)
    public Page<Payment> history(@QueryParam("page") String page, @QueryParam("size") String size, @Context SecurityContext security) {
        return payments.payments(account(security), PageRequest.parse(page, size));
    }

    @GET
    @Path("{id}")
    @CustomerRoute(Permission.INVOICES_VIEW_PAY)
    public Payment one(@PathParam("id") String id, @Context SecurityContext security) {
        return payments.payment(account(security), id);
    }

    /**
     * The customer is back from the gateway's approval page: the gateway is asked about the payment now (an
     * approved PayPal order is captured) → the payment as it is then.
     */
    @POST
    @Path("{id}/refresh")
    @CustomerRoute(Permission.INVOICES_VIEW_PAY)
    public Payment refresh(@PathParam("id") String id, @Context SecurityContext security) {
        return payments.refresh(account(security), id);
    }

    private String account(SecurityContext security) {
        return authorization.requireAccount(Callers.subject(security), Permission.INVOICES_VIEW_PAY);
    }
}
