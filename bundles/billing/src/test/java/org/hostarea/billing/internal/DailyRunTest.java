package org.hostarea.billing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

class DailyRunTest {

    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    @Test
    void runsLaterTodayOrTomorrowAtTheConfiguredTime() {
        LocalTime three = LocalTime.of(3, 0);
        ZonedDateTime beforeThree = ZonedDateTime.of(2026, 11, 22, 2, 59, 0, 0, MADRID);
        assertEquals(ZonedDateTime.of(2026, 11, 22, 3, 0, 0, 0, MADRID), DailyRun.nextRun(beforeThree, three));
        ZonedDateTime atThree = ZonedDateTime.of(2026, 11, 22, 3, 0, 0, 0, MADRID);
        assertEquals(ZonedDateTime.of(2026, 11, 23, 3, 0, 0, 0, MADRID), DailyRun.nextRun(atThree, three));
        ZonedDateTime evening = ZonedDateTime.of(2026, 12, 31, 22, 0, 0, 0, MADRID);
        assertEquals(ZonedDateTime.of(2027, 1, 1, 3, 0, 0, 0, MADRID), DailyRun.nextRun(evening, three));
    }

    @Test
    void anEmptyTimeTurnsTheRunOffAndABadOneIsRefused() {
        assertNull(DailyRun.parse(""));
        assertNull(DailyRun.parse("  "));
        assertEquals(LocalTime.of(4, 30), DailyRun.parse("04:30"));
        assertThrows(IllegalArgumentException.class, () -> DailyRun.parse("25:00"));
    }

    @Test
    void thresholdListsAreSortedDistinctAndNonNegative() {
        assertEquals(java.util.List.of(1, 7, 14), OverdueJob.days(" 14, 1,7,7, -3"));
        assertEquals(java.util.List.of(7, 14, 30, 60), OverdueJob.days("60,30,14,7"));
    }
}
