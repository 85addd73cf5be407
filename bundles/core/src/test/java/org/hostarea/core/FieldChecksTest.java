package org.hostarea.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class FieldChecksTest {

    @Test
    void collectsEveryErrorBeforeThrowing() {
        FieldChecks checks = new FieldChecks();
        assertNull(checks.text("name", "  ", 10));
        assertNull(checks.text("city", "x".repeat(11), 10));
        assertNull(checks.email("email", "no-at-sign"));
        assertNull(checks.text("subject", "Hi\r\nBcc: victim@example.org", 100));
        ValidationException e = assertThrows(ValidationException.class, checks::throwIfAny);
        assertEquals(List.of("name", "city", "email", "subject"), e.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void returnsTrimmedValidValues() {
        FieldChecks checks = new FieldChecks();
        assertEquals("Ana", checks.text("name", "  Ana ", 10));
        assertEquals("ana@example.org", checks.email("email", " ana@example.org "));
        assertNull(checks.optionalText("note", null, 10));
        checks.throwIfAny();
    }
}
