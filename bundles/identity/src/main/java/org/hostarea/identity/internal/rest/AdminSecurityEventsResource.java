package org.hostarea.identity.internal.rest;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.hostarea.core.FieldChecks;
import org.hostarea.core.Page;
import org.hostarea.core.PageRequest;
import org.hostarea.core.rest.HostareaApi;
import org.hostarea.identity.SecurityEvent;
import org.hostarea.core.access.StaffRole;
import org.hostarea.core.access.StaffRoute;
import org.hostarea.identity.internal.SecurityLog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** The security audit log for staff: {@code GET /api/v1/admin/security-events?accountId=&type=&page=&size=}. */
@Component(service = AdminSecurityEventsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(HostareaApi.SELECT)
@JSONRequired
@Path("v1/admin/security-events")
@Produces(MediaType.APPLICATION_JSON)
@StaffRoute({StaffRole.SUPPORT})
public class AdminSecurityEventsResource {

    private final SecurityLog events;

    @Activate
    public AdminSecurityEventsResource(@Reference SecurityLog events) {
        this.events = events;
    }

    @GET
    public Page<SecurityEvent> list(@QueryParam("accountId") String accountId, @QueryParam("type") String type,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        FieldChecks checks = new FieldChecks();
        String account = checks.optionalText("accountId", accountId, 36);
        String eventType = checks.optionalText("type", type, 40);
        checks.throwIfAny();
        return events.page(account, eventType, PageRequest.parse(page, size));
    }
}
