package org.hostarea.billing.internal.rest;

import java.util.Arrays;

import org.hostarea.core.ValidationException;

/** Query parameters of the billing routes. */
final class Params {

    private Params() {
    }

    /** An enum constant by name; {@code null} for none; a 400 naming the parameter otherwise. */
    static <E extends Enum<E>> E optionalEnum(Class<E> type, String name, String value) {
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
