package org.hostarea.forms.spi;

import java.util.Map;
import java.util.Set;

import org.hostarea.core.FieldChecks;

/** For form types reading the JSON payload of a request: only the known keys, every bad one named {@code payload.<key>}. */
public final class Payloads {

    private Payloads() {
    }

    public static void onlyKnown(FieldChecks checks, Map<String, Object> payload, Set<String> known) {
        payload.keySet().stream().filter(key -> !known.contains(key)).sorted()
                .forEach(key -> checks.reject("payload." + key, "is not a field of this request"));
    }

    public static String text(FieldChecks checks, Map<String, Object> payload, String key, int max, boolean required) {
        Object value = payload.get(key);
        if (value != null && !(value instanceof String)) {
            checks.reject("payload." + key, "must be text");
            return null;
        }
        return required ? checks.text("payload." + key, (String) value, max) : checks.optionalText("payload." + key, (String) value, max);
    }
}
