package org.hostarea.core.rest;

import java.util.Arrays;

import org.hostarea.core.ValidationException;

/** Reading query parameters the way every route does: absent is {@code null}, malformed is a 400 naming it. */
public final class QueryParams {

    private QueryParams() {
    }

    /** An enum constant by its exact name; {@code null} for none; a 400 naming the parameter otherwise. */
    public static <E extends Enum<E>> E optionalEnum(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw ValidationException.of(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
    }
}
