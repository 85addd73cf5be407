package org.hostarea.billing.internal.rest;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.hostarea.billing.NewPaymentMethod;
import org.hostarea.billing.PaymentMethod;
import org.hostarea.billing.PaymentMethodService;
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

/**
 * The account's stored payment methods, {@code /api/v1/me/payment-methods} (INVOICES_VIEW_PAY): gateway
 * references only; pay with one by the payment option {@code paymentMethodId}.
 */
@Component(service = MePaymentMethodsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(HostareaApi.SELECT)
@JSONRequired
@Path("v1/me/payment-methods")
@Produces(MediaType.APPLICATION_JSON)
public class MePaymentMethodsResource {

    private final PaymentMethodService methods;
    private final AuthorizationService authorization;

    @Activate
    public MePaymentMethodsResource(@Reference PaymentMethodService methods, @Reference AuthorizationService authorization) {
        this.methods = methods;
        this.authorization = authorization;
    }

    @GET
    @CustomerRoute(Permission.INVOICES_VIEW_PAY)
    public List<PaymentMethod> list(@Context SecurityContext security) {
        return methods.methods(account(security));
    }

    /** {@code {"gateway","label","reference","makeDefault"?}} → 201; card numbers are refused. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomerRoute(Permission.INVOICES_VIEW_PAY)
    public Response add(NewPaymentMethod request, @Context SecurityContext security) {
        return Response.status(Response.Status.CREATED).entity(methods.add(account(security), request)).build();
    }

    @PUT
    @Path("{id}/default")
    @CustomerRoute(Permission.INVOICES_VIEW_PAY)
    public PaymentMethod makeDefault(@PathParam("id") String id, @Context SecurityContext security) {
        return methods.makeDefault(account(security), id);
    }

    @DELETE
    @Path("{id}")
    @CustomerRoute(Permission.INVOICES_VIEW_PAY)
    public Response remove(@PathParam("id") String id, @Context SecurityContext security) {
        methods.remove(account(security), id);
        return Response.noContent().build();
    }

    private String account(SecurityContext security) {
        return authorization.requireAccount(Callers.subject(security), Permission.INVOICES_VIEW_PAY);
    }
}
