package org.hostarea.notifications.internal.rest;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.hostarea.core.Page;
import org.hostarea.core.PageRequest;
import org.hostarea.core.rest.HostareaApi;
import org.hostarea.core.access.AuthorizationService;
import org.hostarea.core.access.Permission;
import org.hostarea.core.access.Callers;
import org.hostarea.core.access.CustomerRoute;
import org.hostarea.notifications.NotificationService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** The customer's message log: {@code /api/v1/me/messages}, only the caller's own messages. */
@Component(service = MeMessagesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(HostareaApi.SELECT)
@JSONRequired
@Path("v1/me/messages")
@Produces(MediaType.APPLICATION_JSON)
@CustomerRoute(Permission.MESSAGES_VIEW)
public class MeMessagesResource {

    private final NotificationService notifications;
    private final AuthorizationService authorization;

    @Activate
    public MeMessagesResource(@Reference NotificationService notifications, @Reference AuthorizationService authorization) {
        this.notifications = notifications;
        this.authorization = authorization;
    }

    /** Newest first, {@code ?page=&size=}. */
    @GET
    public Page<CustomerMessage> list(@Context SecurityContext security, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        String account = authorization.requireAccount(Callers.subject(security), Permission.MESSAGES_VIEW);
        return notifications.messagesOf(account, PageRequest.parse(page, size)).map(CustomerMessage::of);
    }

    @GET
    @Path("{id}")
    public CustomerMessage one(@Context SecurityContext security, @PathParam("id") String id) {
        String account = authorization.requireAccount(Callers.subject(security), Permission.MESSAGES_VIEW);
        return CustomerMessage.of(notifications.messageOf(account, id));
    }
}
