package org.hostarea.core.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import javax.annotation.Priority;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.MediaType;

import org.hostarea.core.rest.HostareaApi;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * The request size limit, before anything reads a byte: a JSON body may be at most {@link #JSON_LIMIT} bytes, any other
 * (a document, a bank statement) {@link #OTHER_LIMIT} (the routes that take them have their own, smaller limits).
 * A declared {@code Content-Length} over the limit is refused at once, a chunked body as soon as it passes it: 413
 * {@code payload-too-large}.
 */
@Component(service = ContainerRequestFilter.class, immediate = true)
@JaxrsExtension
@JaxrsName("hostarea.body-limit")
@JaxrsApplicationSelect(HostareaApi.SELECT)
@PreMatching
@Priority(150) // after the request id, which the problem quotes
public class BodyLimitFilter implements ContainerRequestFilter {

    static final long JSON_LIMIT = 1024 * 1024;
    static final long OTHER_LIMIT = 26L * 1024 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        long limit = type != null && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json")) ? JSON_LIMIT : OTHER_LIMIT;
        if (request.getLength() > limit) {
            throw tooLarge();
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Limited(request.getEntityStream(), limit));
        }
    }

    static WebApplicationException tooLarge() {
        return new WebApplicationException(413);
    }

    /** Counts what is read and stops one byte past the limit. */
    static final class Limited extends FilterInputStream {

        private final long limit;
        private long read;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) {
            read += n;
            if (read > limit) {
                throw tooLarge();
            }
        }
    }
}
