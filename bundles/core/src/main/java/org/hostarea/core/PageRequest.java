package org.hostarea.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Which page of a list a caller wants: {@code page} counts from 0, {@code size} is between 1 and
 * {@link #MAX_SIZE}. Built from the {@code ?page=&size=} query parameters of every list route.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** Far beyond any real list; keeps {@code page * size} an int. */
    public static final int MAX_PAGE = 1_000_000;

    /** @throws ValidationException naming the offending parameter */
    public PageRequest {
        List<FieldError> errors = new ArrayList<>();
        if (page < 0 || page > MAX_PAGE) {
            errors.add(new FieldError("page", "must be between 0 and " + MAX_PAGE));
        }
        if (size < 1 || size > MAX_SIZE) {
            errors.add(new FieldError("size", "must be between 1 and " + MAX_SIZE));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("Invalid paging parameters.", errors);
        }
    }

    /** Missing parameters take the defaults: first page, {@link #DEFAULT_SIZE} items. */
    public static PageRequest of(Integer page, Integer size) {
        return new PageRequest(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    /**
     * From the raw {@code ?page=&size=} query parameters (strings, so that {@code ?page=abc} is a 400
     * naming the parameter rather than JAX-RS's 404 for unconvertible parameters).
     *
     * @throws ValidationException if a parameter is not a whole number or out of range
     */
    public static PageRequest parse(String page, String size) {
        List<FieldError> errors = new ArrayList<>();
        Integer p = parseInt("page", page, errors);
        Integer s = parseInt("size", size, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException("Invalid paging parameters.", errors);
        }
        return of(p, s);
    }

    private static Integer parseInt(String name, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            errors.add(new FieldError(name, "must be a whole number"));
            return null;
        }
    }

    public int offset() {
        return page * size;
    }
}
