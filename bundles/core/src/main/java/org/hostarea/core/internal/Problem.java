package org.hostarea.core.internal;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.hostarea.core.FieldError;

/**
 * The body of every error answer: an RFC 9457 problem with two extension members, the request id (to
 * find the request in the logs) and the field errors of a validation problem.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record Problem(String type, String title, int status, String detail, String requestId, List<FieldError> errors) {
}
