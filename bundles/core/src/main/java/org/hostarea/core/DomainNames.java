package org.hostarea.core;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Domain names as Hostarea stores and compares them: the ASCII (A-label, "punycode") form in lower case,
 * without a trailing dot. Internationalised names ({@code münchen.de}) are converted with IDNA
 * ({@code xn--mnchen-3ya.de}); {@link #toUnicode} gives the form to show. A valid name has at least two
 * labels of 1 to 63 letters, digits and inner hyphens, at most 253 characters, and a top-level label that
 * is not all digits.
 */
public final class DomainNames {

    public static final int MAX_LENGTH = 253;
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern ALL_DIGITS = Pattern.compile("[0-9]+");

    private DomainNames() {
    }

    /** The stored form of a domain name, or empty if it is not a valid host name. */
    public static Optional<String> normalize(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String trimmed = name.strip();
        if (trimmed.endsWith(".")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.isEmpty() || trimmed.length() > 4 * MAX_LENGTH || trimmed.chars().anyMatch(c -> Character.isWhitespace(c)
                || Character.isISOControl(c))) {
            return Optional.empty();
        }
        String ascii;
        try {
            ascii = IDN.toASCII(trimmed, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (ascii.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2) {
            return Optional.empty();
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.empty();
            }
        }
        if (ALL_DIGITS.matcher(labels[labels.length - 1]).matches()) {
            return Optional.empty();
        }
        return Optional.of(ascii);
    }

    /** Checks a required domain name field; returns its stored form, or {@code null} after recording the error. */
    public static String check(FieldChecks checks, String field, String name) {
        if (name == null || name.isBlank()) {
            checks.reject(field, "is required");
            return null;
        }
        Optional<String> normalized = normalize(name);
        if (normalized.isEmpty()) {
            checks.reject(field, "must be a valid domain name");
            return null;
        }
        return normalized.get();
    }

    /** The form to show: A-labels turned back into Unicode. */
    public static String toUnicode(String ascii) {
        return IDN.toUnicode(ascii, IDN.USE_STD3_ASCII_RULES);
    }
}
