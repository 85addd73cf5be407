package org.hostarea.core;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects the field errors of one request so that the client learns about every bad field at once.
 * Create one per request, call the checks, then {@link #throwIfAny()}.
 */
public final class FieldChecks {

    /** A pragmatic address check: one {@code @}, no spaces or control characters, a dot in the domain. */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+$");

    private final List<FieldError> errors = new ArrayList<>();

    /**
     * Requires a non-blank text of at most {@code maxLength} characters without control characters.
     * @return the trimmed text, or {@code null} if it was rejected
     */
    public String text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        return optionalText(field, value, maxLength);
    }

    /** Like {@link #text} but {@code null} or blank is allowed (and returned as {@code null}). */
    public String optionalText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            errors.add(new FieldError(field, "must be at most " + maxLength + " characters"));
            return null;
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError(field, "must not contain control characters"));
            return null;
        }
        return trimmed;
    }

    /** Requires an email address (at most 254 characters); returns it trimmed, or {@code null} if rejected. */
    public String email(String field, String value) {
        String text = text(field, value, 254);
        if (text != null && !EMAIL.matcher(text).matches()) {
            errors.add(new FieldError(field, "must be a valid email address"));
            return null;
        }
        return text;
    }

    /**
     * Requires an ISO 4217 currency code (upper case) of a currency with minor units.
     * @return the currency, or {@code null} if it was rejected
     */
    public Currency currency(String field, String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            errors.add(new FieldError(field, "must be an ISO 4217 currency code such as EUR"));
            return null;
        }
        try {
            Currency currency = Currency.getInstance(code);
            if (currency.getDefaultFractionDigits() >= 0) {
                return currency;
            }
        } catch (IllegalArgumentException e) {
            // not a currency
        }
        errors.add(new FieldError(field, "must be an ISO 4217 currency code such as EUR"));
        return null;
    }

    /** Requires a value to be present. */
    public <T> T required(String field, T value) {
        if (value == null) {
            errors.add(new FieldError(field, "is required"));
        }
        return value;
    }

    /** Records an error for a check the caller made itself. */
    public void reject(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** @throws ValidationException with every collected field error, if there is one */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException("The request contains invalid values.", errors);
        }
    }
}
