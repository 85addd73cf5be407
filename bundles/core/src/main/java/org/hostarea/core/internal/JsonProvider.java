package org.hostarea.core.internal;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.ext.MessageBodyReader;
import javax.ws.rs.ext.MessageBodyWriter;

import com.fasterxml.jackson.jaxrs.cfg.JaxRSFeature;
import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;

import org.hostarea.core.rest.HostareaApi;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsMediaType;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * Reads and writes JSON (and {@code application/problem+json}) for the Hostarea application with the
 * strict {@link Json} mapper. An empty body where one is expected is an error, not {@code null}.
 */
@Component(service = {MessageBodyReader.class, MessageBodyWriter.class})
@JaxrsExtension
@JaxrsName("hostarea.json")
@JaxrsApplicationSelect(HostareaApi.SELECT)
@JaxrsMediaType(MediaType.APPLICATION_JSON)
public class JsonProvider extends JacksonJsonProvider {

    public JsonProvider() {
        super(Json.mapper());
        disable(JaxRSFeature.ALLOW_EMPTY_INPUT);
    }
}
