package org.hostarea.notifications.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(5, Duration.ofSeconds(30), Duration.ofMinutes(2));

    @Test
    void doublesUpToTheCapAndGivesUpAfterTheLastAttempt() {
        assertEquals(Duration.ofSeconds(30), backoff.next(1));
        assertEquals(Duration.ofSeconds(60), backoff.next(2));
        assertEquals(Duration.ofSeconds(120), backoff.next(3));
        assertEquals(Duration.ofSeconds(120), backoff.next(4), "capped");
        assertNull(backoff.next(5), "no sixth attempt");
    }

    @Test
    void survivesHugeAttemptCounts() {
        Backoff many = new Backoff(1000, Duration.ofSeconds(1), Duration.ofHours(1));
        assertEquals(Duration.ofHours(1), many.next(999));
    }
}
