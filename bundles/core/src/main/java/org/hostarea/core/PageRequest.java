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

    /** @throws ValidationException naming the offending parameter */
    public PageRequest {
        List<FieldError> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(new FieldError("page", "must be 0 or more"));
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

    public int offset() {
        return page * size;
    }
}
