package org.hostarea.core.internal;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.hostarea.core.rest.HostareaApi;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The one exception mapper of the application: every failure, ours or JAX-RS's (unknown route, wrong
 * method or media type, unreadable JSON), leaves as {@code application/problem+json}. Client faults are
 * logged at WARN with status, type and the names of the bad fields (never the input, which may be a
 * password); server faults at ERROR with the stack trace.
 */
@Component(service = ExceptionMapper.class, immediate = true)
@JaxrsExtension
@JaxrsName("hostarea.problems")
@JaxrsApplicationSelect(HostareaApi.SELECT)
public class ProblemExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemExceptionMapper.class);

    @Override
    public Response toResponse(Throwable failure) {
        ProblemMapping.Mapped mapped = ProblemMapping.map(failure, MDC.get(HostareaApi.REQUEST_ID_MDC_KEY));
        Problem problem = mapped.problem();
        if (mapped.serverFault()) {
            LOG.error("{} {}", problem.status(), problem.type(), failure);
        } else {
            // the problem only, never the exception's message: parser messages quote the input (passwords)
            LOG.warn("{} {} {}", problem.status(), problem.type(), problem.errors().stream()
                    .map(error -> error.field()).toList());
        }
        Response.ResponseBuilder response = Response.status(problem.status())
                .type(HostareaApi.PROBLEM_JSON)
                .entity(problem);
        mapped.headers().forEach(response::header);
        return response.build();
    }
}
