package org.hostarea.forms.internal.rest;

import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.hostarea.core.ValidationException;
import org.hostarea.core.rest.HostareaApi;
import org.hostarea.core.rest.Public;
import org.hostarea.forms.FormService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/v1/forms/acceptance}: a person who is not a customer (the new contract holder) answers a request through
 * the single-use token of the link mailed to them. The token travels in the body, never in a URL.
 */
@Component(service = AcceptanceResource.class)
@JaxrsResource
@JaxrsApplicationSelect(HostareaApi.SELECT)
@JSONRequired
@Path("v1/forms/acceptance")
@Produces(MediaType.APPLICATION_JSON)
@Public
public class AcceptanceResource {

    private final FormService forms;

    @Activate
    public AcceptanceResource(@Reference FormService forms) {
        this.forms = forms;
    }

    /** {@code {"token"}}: what the person is asked to accept; 404 {@code acceptance-not-found} for an unknown, used or expired one. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> view(Answer request) {
        return forms.acceptanceView(ValidationException.requireBody(request).token());
    }

    /** {@code {"token","comment"?}}. */
    @POST
    @Path("accept")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> accept(Answer request) {
        Answer body = ValidationException.requireBody(request);
        return forms.answerAsParty(body.token(), true, body.comment());
    }

    /** {@code {"token","comment"?}}: the request is rejected. */
    @POST
    @Path("decline")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> decline(Answer request) {
        Answer body = ValidationException.requireBody(request);
        return forms.answerAsParty(body.token(), false, body.comment());
    }

    /** The body of the acceptance routes. */
    public record Answer(String token, String comment) {
    }
}
