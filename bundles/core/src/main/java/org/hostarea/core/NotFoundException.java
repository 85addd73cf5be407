package org.hostarea.core;

/** The object does not exist or lies outside the caller's scope (the two are never told apart). Answers 404 Not Found. */
public class NotFoundException extends DomainException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String detail) {
        super("not-found", detail);
    }

    /** @param type a more specific stable slug than {@code not-found} */
    public NotFoundException(String type, String detail) {
        super(type, detail);
    }

    @Override
    public int status() {
        return 404;
    }

    @Override
    public String title() {
        return "Not Found";
    }
}
