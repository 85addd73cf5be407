package org.hostarea.billing.internal.rest;

import java.math.BigDecimal;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.hostarea.billing.CreditBalance;
import org.hostarea.billing.CreditEntry;
import org.hostarea.billing.CreditService;
import org.hostarea.billing.Invoice;
import org.hostarea.billing.InvoiceService;
import org.hostarea.core.ValidationException;
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

/** The account's credit per currency with its ledger entries, {@code /api/v1/me/credit} (INVOICES_VIEW_PAY). */
@Component(service = MeCreditResource.class)
@JaxrsResource
@JaxrsApplicationSelect(HostareaApi.SELECT)
@JSONRequired
@Path("v1/me/credit")
@Produces(MediaType.APPLICATION_JSON)
public class MeCreditResource {

    private final CreditService credit;
    private final InvoiceService invoices;
    private final AuthorizationService authorization;

    @Activate
    public MeCreditResource(@Reference CreditService credit, @Reference InvoiceService invoices,
            @Reference AuthorizationService authorization) {
        this.credit = credit;
        this.invoices = invoices;
        this.authorization = authorization;
    }

    /**
     * {@code {"currency","amount"}}: "add funds" → 201 with an ADD_FUNDS invoice to pay through a gateway or an
     * offline report; once paid, its amount is credit.
     */
    @POST
    @Path("add-funds")
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomerRoute(Permission.INVOICES_VIEW_PAY)
    public Response addFunds(AddFunds request, @Context SecurityContext security) {
        AddFunds body = ValidationException.requireBody(request);
        Invoice invoice = invoices.addFunds(authorization.requireAccount(Callers.subject(security), Permission.INVOICES_VIEW_PAY),
                body.currency(), body.amount(), Callers.subject(security).actor());
        return Response.status(Response.Status.CREATED).entity(invoice).build();
    }

    /** {@code POST .../add-funds}. */
    public record AddFunds(String currency, BigDecimal amount) {
    }

    /** Staff are named as {@code staff}, never by their id. */
    @GET
    @CustomerRoute(Permission.INVOICES_VIEW_PAY)
    public List<CreditBalance> balances(@Context SecurityContext security) {
        return credit.balances(authorization.requireAccount(Callers.subject(security), Permission.INVOICES_VIEW_PAY)).stream()
                .map(balance -> new CreditBalance(balance.currency(), balance.balance(), balance.entries().stream()
                        .map(entry -> entry.actor().startsWith("staff:") ? new CreditEntry(entry.id(), entry.amount(), entry.kind(),
                                entry.invoiceId(), entry.note(), "staff", entry.createdAt()) : entry).toList()))
                .toList();
    }
}
