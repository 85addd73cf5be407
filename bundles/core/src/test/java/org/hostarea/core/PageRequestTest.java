package org.hostarea.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void defaultsToTheFirstPageOfTwenty() {
        PageRequest request = PageRequest.of(null, null);
        assertEquals(0, request.page());
        assertEquals(20, request.size());
        assertEquals(40, PageRequest.of(2, 20).offset());
    }

    @Test
    void parsesRawQueryParameters() {
        assertEquals(new PageRequest(3, 50), PageRequest.parse("3", "50"));
        assertEquals(new PageRequest(0, 20), PageRequest.parse(null, " "));
        ValidationException e = assertThrows(ValidationException.class, () -> PageRequest.parse("abc", "2.5"));
        assertEquals(2, e.errors().size());
    }

    @Test
    void rejectsBadParametersByName() {
        ValidationException e = assertThrows(ValidationException.class, () -> PageRequest.of(-1, 1000));
        assertEquals(2, e.errors().size());
        assertEquals("page", e.errors().get(0).field());
        assertEquals("size", e.errors().get(1).field());
    }
}
