package org.hostarea.forms.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
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
import org.hostarea.core.access.CustomerRoute;
import org.hostarea.core.rest.HostareaApi;
import org.hostarea.core.rest.QueryParams;
import org.hostarea.forms.Attachment;
import org.hostarea.forms.AttachmentInfo;
import org.hostarea.forms.FormRequest;
import org.hostarea.forms.FormService;
import org.hostarea.forms.FormStatus;
import org.hostarea.forms.FormTypeInfo;
import org.hostarea.identity.ClientInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/v1/me/forms}: the account's contract requests. Submitting needs the permission of the request's
 * type (checked by the form service through the authorization service); reading and answering, any customer-side
 * login of the account.
 */
@Component(service = MeFormsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(HostareaApi.SELECT)
@JSONRequired
@Path("v1/me/forms")
@Produces(MediaType.APPLICATION_JSON)
public class MeFormsResource {

    /** The most any upload is read, whatever the configured limit (5 MB by default). */
    static final int READ_LIMIT = 25 * 1024 * 1024;

    private final FormService forms;

    @Activate
    public MeFormsResource(@Reference FormService forms) {
        this.forms = forms;
    }

    @GET
    @Path("types")
    @CustomerRoute
    public List<FormTypeInfo> types() {
        return forms.types();
    }

    /** {@code ?status=&page=&size=}: newest first. */
    @GET
    @CustomerRoute
    public Page<FormRequest> list(@QueryParam("status") String status, @QueryParam("page") String page, @QueryParam("size") String size,
            @Context SecurityContext security) {
        return forms.requests(Callers.subject(security), QueryParams.optionalEnum(FormStatus.class, "status", status),
                PageRequest.parse(page, size));
    }

    /** {@code {"type","payload":{...}}} → 201 SUBMITTED (or already EXECUTED for a type without review). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomerRoute
    public Response submit(Submission request, @Context SecurityContext security, @Context UriInfo uri,
            @Context HttpServletRequest http) {
        Submission body = ValidationException.requireBody(request);
        FormRequest created = forms.submit(Callers.subject(security), body.type(), body.payload(), client(http));
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build()).entity(created).build();
    }

    /**
     * {@code {"type","payload":{...}}} → 200 {@code {"type","payload"}}: the request checked and shown as it would be
     * stored, nothing stored (a merge shows both master-data records and the fields that differ).
     */
    @POST
    @Path("check")
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomerRoute
    public Submission check(Submission request, @Context SecurityContext security, @Context HttpServletRequest http) {
        Submission body = ValidationException.requireBody(request);
        return new Submission(body.type(), forms.check(Callers.subject(security), body.type(), body.payload(), client(http)));
    }

    /** Requests of other accounts that concern this one (a domain coming to it, its merge into another number). */
    @GET
    @Path("incoming")
    @CustomerRoute
    public Page<FormRequest> incoming(@QueryParam("page") String page, @QueryParam("size") String size, @Context SecurityContext security) {
        return forms.incoming(Callers.subject(security), PageRequest.parse(page, size));
    }

    @GET
    @Path("incoming/{id}")
    @CustomerRoute
    public FormRequest incomingOne(@PathParam("id") String id, @Context SecurityContext security) {
        return forms.incoming(Callers.subject(security), id);
    }

    /**
     * {@code {"comment"?,"payload"?}}: this account accepts what the request asks of it, with what the type needs from
     * it (a domain coming in: {@code {"toPackageId"}}); staff decide next.
     */
    @POST
    @Path("incoming/{id}/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomerRoute
    public FormRequest accept(@PathParam("id") String id, PartyAnswer request, @Context SecurityContext security) {
        return forms.answerAsParty(Callers.subject(security), id, true, request == null ? null : request.comment(),
                request == null ? null : request.payload());
    }

    /** {@code {"comment"?}}: this account declines; the request is rejected. */
    @POST
    @Path("incoming/{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomerRoute
    public FormRequest decline(@PathParam("id") String id, Comment request, @Context SecurityContext security) {
        return forms.answerAsParty(Callers.subject(security), id, false, request == null ? null : request.comment(), null);
    }

    static ClientInfo client(HttpServletRequest http) {
        return new ClientInfo(http == null ? null : http.getRemoteAddr(), http == null ? null : http.getHeader("User-Agent"));
    }

    @GET
    @Path("{id}")
    @CustomerRoute
    public FormRequest one(@PathParam("id") String id, @Context SecurityContext security) {
        return forms.get(Callers.subject(security), id);
    }

    /** {@code {"comment"}}: the information staff asked for; NEEDS_INFO → SUBMITTED. */
    @POST
    @Path("{id}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomerRoute
    public FormRequest answer(@PathParam("id") String id, Comment request, @Context SecurityContext security) {
        return forms.answer(Callers.subject(security), id, ValidationException.requireBody(request).comment());
    }

    /** {@code {"comment"?}}: before a decision. */
    @POST
    @Path("{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomerRoute
    public FormRequest withdraw(@PathParam("id") String id, Comment request, @Context SecurityContext security) {
        return forms.withdraw(Callers.subject(security), id, request == null ? null : request.comment());
    }

    /** The document as the body ({@code ?fileName=}): PDF, JPEG or PNG by content, at most 5 MB by default → 201. */
    @POST
    @Path("{id}/attachments")
    @Consumes({"application/pdf", "image/jpeg", "image/png", MediaType.APPLICATION_OCTET_STREAM})
    @CustomerRoute
    public Response attach(@PathParam("id") String id, @QueryParam("fileName") String fileName, InputStream body,
            @Context SecurityContext security) {
        forms.get(Callers.subject(security), id); // 404 before a byte of someone else's upload is read
        AttachmentInfo stored = forms.attach(Callers.subject(security), id, fileName, read(body, forms.maxAttachmentBytes()));
        return Response.status(Response.Status.CREATED).entity(stored).build();
    }

    @GET
    @Path("{id}/attachments/{attachmentId}")
    @Produces({"application/pdf", "image/jpeg", "image/png"})
    @CustomerRoute
    public Response attachment(@PathParam("id") String id, @PathParam("attachmentId") String attachmentId,
            @Context SecurityContext security) {
        return download(forms.attachment(Callers.subject(security), id, attachmentId));
    }

    static byte[] read(InputStream body, int limit) {
        int max = Math.min(limit, READ_LIMIT);
        try {
            byte[] content = body == null ? new byte[0] : body.readNBytes(max + 1);
            if (content.length > max) {
                throw ValidationException.of("attachment", "is larger than " + max + " bytes");
            }
            return content;
        } catch (IOException e) {
            throw ValidationException.of("attachment", "could not be read");
        }
    }

    static Response download(Attachment attachment) {
        return Response.ok(attachment.content(), attachment.info().contentType())
                .header("Content-Disposition", contentDisposition(attachment.info().fileName()))
                .header("X-Content-Type-Options", "nosniff").header("Cache-Control", "no-store").build();
    }

    /**
     * {@code attachment} with the name twice (RFC 6266): an ASCII stand-in for old clients and the exact name in UTF-8
     * ({@code filename*}, RFC 8187), so a header never carries raw non-Latin-1 bytes.
     */
    static String contentDisposition(String fileName) {
        String ascii = fileName.replaceAll("[^\\x20-\\x7e]", "_").replace("\"", "_").replace("\\", "_");
        StringBuilder encoded = new StringBuilder();
        for (byte b : fileName.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format("%02X", c));
            }
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    /** The body of {@code POST /me/forms}. */
    public record Submission(String type, Map<String, Object> payload) {
    }

    /** The other party's acceptance. */
    public record PartyAnswer(String comment, Map<String, Object> payload) {
    }

    /** A comment of a transition. */
    public record Comment(String comment) {
    }
}
