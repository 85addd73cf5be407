package org.hostarea.core;

import java.util.Objects;

/**
 * A failure the caller can understand and act on. Each subclass stands for one HTTP status; the
 * {@link #type()} is a stable, machine-readable slug that becomes the problem's {@code type} URI
 * ({@code urn:hostarea:problem:<slug>}), so clients can branch on it without parsing the detail.
 */
public abstract class DomainException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String type;

    protected DomainException(String type, String detail) {
        super(detail);
        this.type = Objects.requireNonNull(type, "type");
    }

    protected DomainException(String type, String detail, Throwable cause) {
        super(detail, cause);
        this.type = Objects.requireNonNull(type, "type");
    }

    /** The stable slug of the problem type, e.g. {@code not-found} or {@code email-taken}. */
    public String type() {
        return type;
    }

    /** The HTTP status this failure answers with. */
    public abstract int status();

    /** A short, human-readable summary of the problem type (the same for every occurrence). */
    public abstract String title();
}
