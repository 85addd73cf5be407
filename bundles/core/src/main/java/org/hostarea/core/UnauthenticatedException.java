package org.hostarea.core;

/** The caller presented no valid credentials or token. Answers 401 Unauthenticated. */
public class UnauthenticatedException extends DomainException {

    private static final long serialVersionUID = 1L;

    public UnauthenticatedException(String detail) {
        super("unauthenticated", detail);
    }

    /** @param type a more specific stable slug than {@code unauthenticated} */
    public UnauthenticatedException(String type, String detail) {
        super(type, detail);
    }

    @Override
    public int status() {
        return 401;
    }

    @Override
    public String title() {
        return "Unauthenticated";
    }
}
