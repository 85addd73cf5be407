package org.hostarea.core;

import java.util.List;

/** The input is malformed or incomplete; {@link #errors()} names each offending field. Answers 400. */
public class ValidationException extends DomainException {

    private static final long serialVersionUID = 1L;

    private final List<FieldError> errors;

    public ValidationException(String detail, List<FieldError> errors) {
        this("validation", detail, errors);
    }

    /** @param type a more specific stable slug than {@code validation}, e.g. {@code malformed-json} */
    public ValidationException(String type, String detail, List<FieldError> errors) {
        super(type, detail);
        this.errors = List.copyOf(errors);
    }

    /** A single invalid field. */
    public static ValidationException of(String field, String message) {
        return new ValidationException("The request contains an invalid value.", List.of(new FieldError(field, message)));
    }

    /**
     * A request body that must be there: JSON {@code null} (or nothing) is a 400 naming {@code body}.
     *
     * @throws ValidationException if {@code body} is null
     */
    public static <T> T requireBody(T body) {
        if (body == null) {
            throw of("body", "is required");
        }
        return body;
    }

    public List<FieldError> errors() {
        return errors;
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String title() {
        return "Invalid Request";
    }
}
