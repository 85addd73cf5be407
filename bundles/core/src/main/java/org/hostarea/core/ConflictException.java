package org.hostarea.core;

/** The request collides with the current state, e.g. a unique value already taken or an invalid state transition. Answers 409 Conflict. */
public class ConflictException extends DomainException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String detail) {
        super("conflict", detail);
    }

    /** @param type a more specific stable slug than {@code conflict} */
    public ConflictException(String type, String detail) {
        super(type, detail);
    }

    @Override
    public int status() {
        return 409;
    }

    @Override
    public String title() {
        return "Conflict";
    }
}
