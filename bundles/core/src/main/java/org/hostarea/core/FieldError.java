package org.hostarea.core;

import java.util.Objects;

/**
 * One rejected input value: {@code field} is the JSON path of the value as the client sent it
 * ({@code email}, {@code lines[2].quantity}), {@code message} says what is wrong in plain words.
 */
public record FieldError(String field, String message) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
