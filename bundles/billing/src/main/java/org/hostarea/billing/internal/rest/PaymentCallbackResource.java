package org.hostarea.billing.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;

import org.hostarea.billing.Payment;
import org.hostarea.billing.PaymentService;
import org.hostarea.core.ValidationException;
import org.hostarea.core.rest.HostareaApi;
import org.hostarea.core.rest.Public;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * Provider callbacks, {@code POST /api/v1/payments/callback/{gateway}}: public, because the gateway plugin
 * verifies each one (signature or the provider's API) before anything is recorded; each provider event is
 * taken once. 503 while the gateway is not installed (providers retry).
 */
@Component(service = PaymentCallbackResource.class)
@JaxrsResource
@JaxrsApplicationSelect(HostareaApi.SELECT)
@JSONRequired
@Path("v1/payments/callback")
@Produces(MediaType.APPLICATION_JSON)
public class PaymentCallbackResource {

    /** A provider's notification is small; anything larger is refused unread. */
    private static final int MAX_BODY = 64 * 1024;

    private final PaymentService payments;

    @Activate
    public PaymentCallbackResource(@Reference PaymentService payments) {
        this.payments = payments;
    }

    @POST
    @Path("{gateway}")
    @Consumes(MediaType.WILDCARD)
    @Public
    public Map<String, String> callback(@PathParam("gateway") String gateway, InputStream stream, @Context HttpHeaders headers) {
        byte[] body = readBounded(stream);
        if (body.length == 0) {
            throw new ValidationException("callback-rejected", "The callback body is missing.", List.of());
        }
        Payment payment = payments.callback(gateway, headers.getRequestHeaders(), body);
        return Map.of("paymentId", payment.id(), "status", payment.status().name());
    }

    /** At most {@link #MAX_BODY} bytes are read; a longer body is refused without reading the rest. */
    private static byte[] readBounded(InputStream stream) {
        try {
            byte[] body = stream == null ? new byte[0] : stream.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw new ValidationException("callback-rejected", "The callback body is too large.", List.of());
            }
            return body;
        } catch (IOException e) {
            throw new ValidationException("callback-rejected", "The callback body could not be read.", List.of());
        }
    }
}
