package org.hostarea.notifications.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class RetentionRuleTest {

    @Test
    void keepsFromFirstJanuaryOfTheYearBeforeLast() {
        RetentionRule rule = new RetentionRule(2);
        assertEquals(LocalDate.of(2024, 1, 1), rule.cutoff(LocalDate.of(2026, 1, 9)));
        assertEquals(LocalDate.of(2024, 1, 1), rule.cutoff(LocalDate.of(2026, 12, 31)));
        assertEquals(LocalDate.of(2025, 1, 1), rule.cutoff(LocalDate.of(2027, 1, 1)));
        assertEquals(LocalDate.of(2025, 1, 1), new RetentionRule(1).cutoff(LocalDate.of(2026, 6, 1)));
    }
}
