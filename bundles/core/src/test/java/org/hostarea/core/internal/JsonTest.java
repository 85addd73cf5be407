package org.hostarea.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import org.hostarea.core.Money;
import org.junit.jupiter.api.Test;

class JsonTest {

    record Login(String login, String password) {
    }

    record Due(LocalDate date, Instant at, BigDecimal amount) {
    }

    private final ObjectMapper mapper = Json.mapper();

    @Test
    void rejectsUnknownProperties() {
        assertThrows(UnrecognizedPropertyException.class,
                () -> mapper.readValue("{\"login\":\"a\",\"password\":\"b\",\"admin\":true}", Login.class));
    }

    @Test
    void rejectsDuplicateKeys() {
        assertThrows(JsonProcessingException.class,
                () -> mapper.readValue("{\"login\":\"a\",\"login\":\"b\",\"password\":\"c\"}", Login.class));
    }

    @Test
    void rejectsNumbersAndBooleansWhereTextIsExpected() {
        assertThrows(MismatchedInputException.class, () -> mapper.readValue("{\"login\":123,\"password\":\"b\"}", Login.class));
        assertThrows(MismatchedInputException.class, () -> mapper.readValue("{\"login\":true,\"password\":\"b\"}", Login.class));
    }

    @Test
    void rejectsTrailingGarbageAndDeepNesting() {
        assertThrows(JsonProcessingException.class, () -> mapper.readValue("{\"login\":\"a\",\"password\":\"b\"} {}", Login.class));
        String deep = "[".repeat(Json.MAX_NESTING_DEPTH + 5) + "]".repeat(Json.MAX_NESTING_DEPTH + 5);
        assertThrows(StreamConstraintsException.class, () -> mapper.readTree(deep));
    }

    @Test
    void writesIsoDatesAndPlainDecimals() throws Exception {
        Due due = new Due(LocalDate.of(2026, 1, 9), Instant.parse("2026-01-09T10:15:30Z"), new BigDecimal("1E+3"));
        assertEquals("{\"date\":\"2026-01-09\",\"at\":\"2026-01-09T10:15:30Z\",\"amount\":1000}", mapper.writeValueAsString(due));
        assertEquals("{\"amount\":12.50,\"currency\":\"EUR\"}", mapper.writeValueAsString(Money.of("12.5", "EUR")));
    }

    @Test
    void readsDecimalsExactly() throws Exception {
        Due due = mapper.readValue("{\"date\":\"2026-01-09\",\"at\":\"2026-01-09T10:15:30Z\",\"amount\":0.1}", Due.class);
        assertEquals(new BigDecimal("0.1"), due.amount());
        Map<?, ?> map = mapper.readValue("{\"x\":0.30000000000000004}", Map.class);
        assertEquals(new BigDecimal("0.30000000000000004"), map.get("x"));
    }
}
