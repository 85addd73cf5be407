package org.hostarea.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class RequestIdFilterTest {

    @Test
    void acceptsSafeIdsAndReplacesOthers() {
        assertEquals("abc-123_x.y:z", RequestIdFilter.accept("abc-123_x.y:z"));
        String replaced = RequestIdFilter.accept("evil\r\nSet-Cookie: x");
        assertNotEquals("evil\r\nSet-Cookie: x", replaced);
        assertEquals(36, replaced.length());
        assertEquals(36, RequestIdFilter.accept(null).length());
        assertEquals(36, RequestIdFilter.accept("x".repeat(65)).length());
    }
}
