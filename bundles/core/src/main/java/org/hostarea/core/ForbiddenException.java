package org.hostarea.core;

/** The caller is known but may not do this. Answers 403 Forbidden. */
public class ForbiddenException extends DomainException {

    private static final long serialVersionUID = 1L;

    public ForbiddenException(String detail) {
        super("forbidden", detail);
    }

    /** @param type a more specific stable slug than {@code forbidden} */
    public ForbiddenException(String type, String detail) {
        super(type, detail);
    }

    @Override
    public int status() {
        return 403;
    }

    @Override
    public String title() {
        return "Forbidden";
    }
}
