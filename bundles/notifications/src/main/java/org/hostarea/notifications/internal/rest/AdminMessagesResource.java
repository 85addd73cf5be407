package org.hostarea.notifications.internal.rest;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.hostarea.core.Page;
import org.hostarea.core.PageRequest;
import org.hostarea.core.ValidationException;
import org.hostarea.core.rest.HostareaApi;
import org.hostarea.core.access.StaffRole;
import org.hostarea.core.access.StaffRoute;
import org.hostarea.notifications.Message;
import org.hostarea.notifications.MessageStatus;
import org.hostarea.notifications.NotificationService;
import org.hostarea.notifications.OutgoingMessage;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** Staff view of the outbox: send, list by status, read, retry a FAILED message ({@code /api/v1/admin/messages}). */
@Component(service = AdminMessagesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(HostareaApi.SELECT)
@JSONRequired
@Path("v1/admin/messages")
@Produces(MediaType.APPLICATION_JSON)
@StaffRoute({StaffRole.SUPPORT})
public class AdminMessagesResource {

    private final NotificationService notifications;

    @Activate
    public AdminMessagesResource(@Reference NotificationService notifications) {
        this.notifications = notifications;
    }

    /**
     * Queues a message (202). With an {@code Idempotency-Key} header a repeat returns the first message
     * and sends nothing more.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response send(SendRequest request, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        ValidationException.requireBody(request);
        Map<String, Object> params = request.params() == null ? Map.of() : Map.copyOf(request.params());
        OutgoingMessage message = new OutgoingMessage(request.templateKey(), request.accountId(), request.language(),
                request.channel(), request.recipients(), request.category(), params,
                idempotencyKey == null ? null : "api:" + idempotencyKey, false);
        return Response.accepted(notifications.send(message)).build();
    }

    /** Newest first; {@code ?status=QUEUED|SENT|FAILED&page=&size=}. */
    @GET
    public Page<Message> list(@QueryParam("status") String status, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return notifications.messages(parseStatus(status), PageRequest.parse(page, size));
    }

    @GET
    @Path("{id}")
    public Message one(@PathParam("id") String id) {
        return notifications.message(id);
    }

    /** Queues a FAILED message again; 409 for any other status. */
    @POST
    @Path("{id}/retry")
    public Message retry(@PathParam("id") String id) {
        return notifications.retry(id);
    }

    private static Optional<MessageStatus> parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(MessageStatus.valueOf(status.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("status", "must be one of QUEUED, SENT, FAILED");
        }
    }
}
