package org.hostarea.core.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.NoContentException;
import javax.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import org.hostarea.core.DomainException;
import org.hostarea.core.FieldError;
import org.hostarea.core.UnavailableException;
import org.hostarea.core.ValidationException;
import org.hostarea.core.rest.HostareaApi;

/**
 * Turns any failure into the problem the client sees. Domain exceptions carry their own status and
 * type; JSON that cannot be read becomes a 400 naming the field; HTTP-level failures of JAX-RS (unknown
 * route, wrong method or media type) keep their status; everything else is a 500 that reveals nothing.
 * Causes are searched, so a domain exception wrapped by a transaction template still maps correctly.
 */
final class ProblemMapping {

    /** What to answer: the problem, extra headers, and whether it is the server's fault (logged as error). */
    record Mapped(Problem problem, Map<String, String> headers, boolean serverFault) {
    }

    private ProblemMapping() {
    }

    static Mapped map(Throwable failure, String requestId) {
        DomainException domain = find(failure, DomainException.class);
        if (domain != null) {
            return domain(domain, requestId);
        }
        JsonProcessingException json = find(failure, JsonProcessingException.class);
        if (json != null) {
            return json(json, requestId);
        }
        if (find(failure, NoContentException.class) != null) {
            return client(400, "body-required", "Bad Request", "The request needs a JSON body.", List.of(), requestId);
        }
        WebApplicationException web = find(failure, WebApplicationException.class);
        if (web != null) {
            return web(web, requestId);
        }
        return internal(requestId);
    }

    static Mapped internal(String requestId) {
        Problem problem = new Problem(HostareaApi.PROBLEM_TYPE_PREFIX + "internal", "Internal Server Error", 500,
                "The server could not complete the request. Quote the request id when reporting it.", requestId, List.of());
        return new Mapped(problem, Map.of(), true);
    }

    private static Mapped domain(DomainException e, String requestId) {
        List<FieldError> errors = e instanceof ValidationException v ? v.errors() : List.of();
        Map<String, String> headers = new LinkedHashMap<>();
        if (e instanceof UnavailableException u) {
            headers.put(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, u.retryAfter().toSeconds())));
        }
        if (e.status() == 401) {
            headers.put(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        Problem problem = new Problem(HostareaApi.PROBLEM_TYPE_PREFIX + e.type(), e.title(), e.status(), e.getMessage(),
                requestId, errors);
        return new Mapped(problem, headers, e.status() >= 500 && !(e instanceof UnavailableException));
    }

    private static Mapped json(JsonProcessingException e, String requestId) {
        if (e instanceof InvalidDefinitionException
                || (e instanceof JsonMappingException m && m.getProcessor() instanceof JsonGenerator)) {
            return internal(requestId); // our own type or writing failed: a server bug, not the client's
        }
        if (find(e, StreamConstraintsException.class) != null) {
            return client(400, "input-limits", "Bad Request",
                    "The request body exceeds the input limits (nesting, text or number length).", List.of(), requestId);
        }
        StreamReadException syntax = find(e, StreamReadException.class);
        if (syntax != null) {
            return malformed(syntax.getLocation(), requestId);
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return validation(new FieldError(path(u), "is not a known field"), requestId);
        }
        if (e instanceof MismatchedInputException m) {
            return validation(new FieldError(path(m), expectation(m.getTargetType())), requestId);
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return validation(new FieldError(path(m), "has an invalid value"), requestId);
        }
        return malformed(e.getLocation(), requestId);
    }

    /** Where the JSON breaks, never what it contains: the body may hold a password. */
    private static Mapped malformed(JsonLocation location, String requestId) {
        String where = location == null || location.getLineNr() < 0 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        return client(400, "malformed-json", "Malformed JSON", "The request body is not valid JSON" + where + ".", List.of(),
                requestId);
    }

    private static Mapped validation(FieldError error, String requestId) {
        return client(400, "validation", "Invalid Request", "The request contains an invalid value.", List.of(error),
                requestId);
    }

    private static Mapped web(WebApplicationException e, String requestId) {
        Response response = e.getResponse();
        int status = response == null ? 500 : response.getStatus();
        if (status >= 500) {
            return internal(requestId);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (response.getHeaderString(HttpHeaders.ALLOW) != null) {
            headers.put(HttpHeaders.ALLOW, response.getHeaderString(HttpHeaders.ALLOW));
        }
        return switch (status) {
            case 404 -> client(404, "route-not-found", "Not Found", "No route matches this path.", List.of(), requestId);
            case 405 -> withHeaders(client(405, "method-not-allowed", "Method Not Allowed",
                    "The route does not support this HTTP method.", List.of(), requestId), headers);
            case 406 -> client(406, "not-acceptable", "Not Acceptable",
                    "The route cannot produce the media type asked for in Accept.", List.of(), requestId);
            case 413 -> client(413, "payload-too-large", "Payload Too Large", "The request body is too large.", List.of(),
                    requestId);
            case 415 -> client(415, "unsupported-media-type", "Unsupported Media Type",
                    "The route does not accept this Content-Type; send application/json.", List.of(), requestId);
            case 401 -> withHeaders(client(401, "unauthenticated", "Unauthenticated", "Authentication is required.",
                    List.of(), requestId), Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
            case 403 -> client(403, "forbidden", "Forbidden", "The caller may not do this.", List.of(), requestId);
            default -> client(status, status == 400 ? "bad-request" : "http-" + status,
                    status == 400 ? "Bad Request" : "HTTP " + status, "The request could not be processed.", List.of(),
                    requestId);
        };
    }

    private static Mapped client(int status, String slug, String title, String detail, List<FieldError> errors,
            String requestId) {
        return new Mapped(new Problem(HostareaApi.PROBLEM_TYPE_PREFIX + slug, title, status, detail, requestId, errors),
                Map.of(), false);
    }

    private static Mapped withHeaders(Mapped mapped, Map<String, String> headers) {
        return new Mapped(mapped.problem(), Map.copyOf(headers), mapped.serverFault());
    }

    /** The JSON path of the offending value as the client wrote it, e.g. {@code lines[2].quantity}. */
    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "body" : path.toString();
    }

    private static String expectation(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "must be a string";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type.isEnum()) {
            return "must be one of " + java.util.Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "must be an array";
        }
        if (type.getName().startsWith("java.time.")) {
            return type == Duration.class ? "must be an ISO 8601 duration" : "must be an ISO 8601 date or time";
        }
        return "must be a JSON object";
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
