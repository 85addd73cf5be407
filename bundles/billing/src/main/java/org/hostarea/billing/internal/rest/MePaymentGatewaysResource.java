package org.hostarea.billing.internal.rest;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.hostarea.billing.GatewayInfo;
import org.hostarea.billing.PaymentService;
import org.hostarea.core.access.CustomerRoute;
import org.hostarea.core.access.Permission;
import org.hostarea.core.rest.HostareaApi;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** The payment gateways customers may choose now: installed and enabled, {@code /api/v1/me/payment-gateways}. */
@Component(service = MePaymentGatewaysResource.class)
@JaxrsResource
@JaxrsApplicationSelect(HostareaApi.SELECT)
@JSONRequired
@Path("v1/me/payment-gateways")
@Produces(MediaType.APPLICATION_JSON)
public class MePaymentGatewaysResource {

    private final PaymentService payments;

    @Activate
    public MePaymentGatewaysResource(@Reference PaymentService payments) {
        this.payments = payments;
    }

    @GET
    @CustomerRoute(Permission.INVOICES_VIEW_PAY)
    public List<GatewayInfo> gateways() {
        return payments.gateways();
    }
}
