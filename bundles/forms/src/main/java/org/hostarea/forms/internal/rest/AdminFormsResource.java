package org.hostarea.forms.internal.rest;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
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

import org.hostarea.core.Page;
import org.hostarea.core.PageRequest;
import org.hostarea.core.ValidationException;
import org.hostarea.core.access.Callers;
import org.hostarea.core.access.StaffRole;
import org.hostarea.core.access.StaffRoute;
import org.hostarea.core.rest.HostareaApi;
import org.hostarea.core.rest.QueryParams;
import org.hostarea.forms.AttachmentInfo;
import org.hostarea.forms.FormRequest;
import org.hostarea.forms.FormService;
import org.hostarea.forms.FormStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code /api/v1/admin/forms}: the review queue. Every staff member reads; SUPPORT (and ADMIN) decide. */
@Component(service = AdminFormsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(HostareaApi.SELECT)
@JSONRequired
@Path("v1/admin/forms")
@Produces(MediaType.APPLICATION_JSON)
public class AdminFormsResource {

    private final FormService forms;

    @Activate
    public AdminFormsResource(@Reference FormService forms) {
        this.forms = forms;
    }

    /** {@code ?type=&status=&assignee=&page=&size=}: oldest first. */
    @GET
    @StaffRoute
    public Page<FormRequest> queue(@QueryParam("type") String type, @QueryParam("status") String status,
            @QueryParam("assignee") String assignee, @QueryParam("page") String page, @QueryParam("size") String size) {
        return forms.queue(blankToNull(type), QueryParams.optionalEnum(FormStatus.class, "status", status), blankToNull(assignee),
                PageRequest.parse(page, size));
    }

    /**
     * {@code {"accountId","type","payload"}} → 201: staff file a request for a customer who sent it to support (an
     * owner who lost access to the owner email sends the form and an ID document).
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @StaffRoute(StaffRole.SUPPORT)
    public Response submitFor(OnBehalf request, @Context SecurityContext security, @Context UriInfo uri) {
        OnBehalf body = ValidationException.requireBody(request);
        org.hostarea.core.FieldChecks checks = new org.hostarea.core.FieldChecks();
        String accountId = checks.text("accountId", body.accountId(), 36);
        checks.throwIfAny();
        FormRequest created = forms.submitFor(accountId, body.type(), body.payload(), Callers.subject(security).actor());
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build()).entity(created).build();
    }

    /** A document the customer sent to support, as the body ({@code ?fileName=}) → 201. */
    @POST
    @Path("{id}/attachments")
    @Consumes({"application/pdf", "image/jpeg", "image/png", MediaType.APPLICATION_OCTET_STREAM})
    @StaffRoute(StaffRole.SUPPORT)
    public Response attach(@PathParam("id") String id, @QueryParam("fileName") String fileName, java.io.InputStream body,
            @Context SecurityContext security) {
        forms.get(id);
        AttachmentInfo stored = forms.attach(id, fileName, MeFormsResource.read(body, forms.maxAttachmentBytes()),
                Callers.subject(security).actor());
        return Response.status(Response.Status.CREATED).entity(stored).build();
    }

    @GET
    @Path("{id}")
    @StaffRoute
    public FormRequest one(@PathParam("id") String id) {
        return forms.get(id);
    }

    /** {@code {"assignee"?}}: default the caller. */
    @POST
    @Path("{id}/assign")
    @Consumes(MediaType.APPLICATION_JSON)
    @StaffRoute(StaffRole.SUPPORT)
    public FormRequest assign(@PathParam("id") String id, Assignment request, @Context SecurityContext security) {
        String actor = Callers.subject(security).actor();
        return forms.assign(id, request == null || request.assignee() == null ? actor : request.assignee(), actor);
    }

    /** {@code {"comment"}}: what is missing; SUBMITTED → NEEDS_INFO. */
    @POST
    @Path("{id}/request-info")
    @Consumes(MediaType.APPLICATION_JSON)
    @StaffRoute(StaffRole.SUPPORT)
    public FormRequest requestInformation(@PathParam("id") String id, MeFormsResource.Comment request, @Context SecurityContext security) {
        return forms.requestInformation(id, ValidationException.requireBody(request).comment(), Callers.subject(security).actor());
    }

    /** {@code {"comment"?}}: approves (four-eyes types: the second staff member's approval) and executes. */
    @POST
    @Path("{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @StaffRoute(StaffRole.SUPPORT)
    public FormRequest approve(@PathParam("id") String id, MeFormsResource.Comment request, @Context SecurityContext security) {
        return forms.approve(id, request == null ? null : request.comment(), Callers.subject(security).actor());
    }

    /** {@code {"comment"}}: why. */
    @POST
    @Path("{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @StaffRoute(StaffRole.SUPPORT)
    public FormRequest reject(@PathParam("id") String id, MeFormsResource.Comment request, @Context SecurityContext security) {
        return forms.reject(id, ValidationException.requireBody(request).comment(), Callers.subject(security).actor());
    }

    /** A FAILED request executes again. */
    @POST
    @Path("{id}/retry")
    @StaffRoute(StaffRole.SUPPORT)
    public FormRequest retry(@PathParam("id") String id, @Context SecurityContext security) {
        return forms.retry(id, Callers.subject(security).actor());
    }

    @GET
    @Path("{id}/attachments/{attachmentId}")
    @Produces({"application/pdf", "image/jpeg", "image/png"})
    @StaffRoute
    public Response attachment(@PathParam("id") String id, @PathParam("attachmentId") String attachmentId) {
        return MeFormsResource.download(forms.attachment(id, attachmentId));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** The body of {@code POST /admin/forms}. */
    public record OnBehalf(String accountId, String type, java.util.Map<String, Object> payload) {
    }

    /** The body of {@code POST .../assign}. */
    public record Assignment(String assignee) {
    }
}
