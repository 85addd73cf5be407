package org.hostarea.contacts.internal.rest;

import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.hostarea.contacts.ContactService;
import org.hostarea.core.ValidationException;
import org.hostarea.core.rest.HostareaApi;
import org.hostarea.core.rest.Public;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** A contact confirms their address: {@code POST /api/v1/contacts/verify} with the token of the mailed link. */
@Component(service = VerifyResource.class)
@JaxrsResource
@JaxrsApplicationSelect(HostareaApi.SELECT)
@JSONRequired
@Path("v1/contacts/verify")
@Produces(MediaType.APPLICATION_JSON)
public class VerifyResource {

    private final ContactService contacts;

    /** {@code {"token"}}. */
    public record Verification(String token) {
    }

    @Activate
    public VerifyResource(@Reference ContactService contacts) {
        this.contacts = contacts;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Public
    public Response verify(Verification verification) {
        contacts.verify(ValidationException.requireBody(verification).token());
        return Response.noContent().build();
    }
}
