package org.hostarea.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import javax.ws.rs.NotAllowedException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.NotSupportedException;
import javax.ws.rs.core.NoContentException;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.hostarea.core.ConflictException;
import org.hostarea.core.FieldError;
import org.hostarea.core.ForbiddenException;
import org.hostarea.core.PluginMissingException;
import org.hostarea.core.RuleViolationException;
import org.hostarea.core.UnauthenticatedException;
import org.hostarea.core.ValidationException;
import org.junit.jupiter.api.Test;

class ProblemMappingTest {

    record Line(int quantity) {
    }

    record Invoice(List<Line> lines) {
    }

    @Test
    void domainExceptionsKeepTheirStatusAndType() {
        assertMapped(new org.hostarea.core.NotFoundException("x"), 404, "not-found");
        assertMapped(new ConflictException("email-taken", "x"), 409, "email-taken");
        assertMapped(new RuleViolationException("x"), 422, "rule-violation");
        assertMapped(new ForbiddenException("x"), 403, "forbidden");
        ProblemMapping.Mapped unauthenticated = assertMapped(new UnauthenticatedException("x"), 401, "unauthenticated");
        assertEquals("Bearer", unauthenticated.headers().get("WWW-Authenticate"));
    }

    @Test
    void validationCarriesFieldErrors() {
        ProblemMapping.Mapped mapped = assertMapped(
                new ValidationException("bad", List.of(new FieldError("email", "must be a valid email address"))), 400, "validation");
        assertEquals("email", mapped.problem().errors().get(0).field());
    }

    @Test
    void missingPluginIs503WithRetryAfter() {
        ProblemMapping.Mapped mapped = assertMapped(new PluginMissingException("no gateway", Duration.ofSeconds(30)), 503,
                "plugin-missing");
        assertEquals("30", mapped.headers().get("Retry-After"));
        assertFalse(mapped.serverFault(), "a missing plugin is not a bug");
    }

    @Test
    void wrappedDomainExceptionsAreFound() {
        RuntimeException wrapped = new RuntimeException("Exception occured in transactional code", new ConflictException("x"));
        assertMapped(wrapped, 409, "conflict");
    }

    @Test
    void httpLevelFailuresKeepTheirStatus() {
        assertMapped(new NotFoundException(), 404, "route-not-found");
        ProblemMapping.Mapped notAllowed = assertMapped(new NotAllowedException("GET", new String[] {"HEAD"}), 405, "method-not-allowed");
        assertTrue(notAllowed.headers().get("Allow").contains("GET"));
        assertMapped(new NotSupportedException(), 415, "unsupported-media-type");
        assertMapped(new javax.ws.rs.BadRequestException(new NoContentException("empty")), 400, "body-required");
    }

    @Test
    void unreadableJsonNamesTheField() {
        ObjectMapper mapper = Json.mapper();
        Exception wrongType = readFailure(mapper, "{\"lines\":[{\"quantity\":1},{\"quantity\":\"two\"}]}");
        ProblemMapping.Mapped mapped = assertMapped(wrongType, 400, "validation");
        assertEquals("lines[1].quantity", mapped.problem().errors().get(0).field());
        assertEquals("must be a number", mapped.problem().errors().get(0).message());

        Exception unknown = readFailure(mapper, "{\"lines\":[],\"total\":3}");
        assertEquals("total", assertMapped(unknown, 400, "validation").problem().errors().get(0).field());

        assertMapped(readFailure(mapper, "{\"lines\": ["), 400, "malformed-json");
        ProblemMapping.Mapped leaky = assertMapped(readFailure(mapper, "{\"lines\": hunter2}"), 400, "malformed-json");
        assertFalse(leaky.problem().detail().contains("hunter2"), "the input is never echoed: " + leaky.problem().detail());
        assertTrue(leaky.problem().detail().contains("line 1"));
    }

    @Test
    void anythingElseIsAnOpaque500() {
        ProblemMapping.Mapped mapped = assertMapped(new IllegalStateException("SELECT * FROM secrets"), 500, "internal");
        assertTrue(mapped.serverFault());
        assertFalse(mapped.problem().detail().contains("secrets"));
    }

    private static Exception readFailure(ObjectMapper mapper, String json) {
        try {
            mapper.readValue(json, Invoice.class);
        } catch (Exception e) {
            return e;
        }
        throw new AssertionError("expected a failure for " + json);
    }

    private static ProblemMapping.Mapped assertMapped(Throwable failure, int status, String type) {
        ProblemMapping.Mapped mapped = ProblemMapping.map(failure, "req-1");
        assertEquals(status, mapped.problem().status());
        assertEquals("urn:hostarea:problem:" + type, mapped.problem().type());
        assertEquals("req-1", mapped.problem().requestId());
        return mapped;
    }
}
