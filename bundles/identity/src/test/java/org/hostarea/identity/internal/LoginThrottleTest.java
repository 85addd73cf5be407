package org.hostarea.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final LoginThrottle.Rules rules = new LoginThrottle.Rules(3, 20, Duration.ofSeconds(2), Duration.ofSeconds(60), 10, 50,
            Duration.ofMinutes(15), Duration.ofMinutes(60));

    @Test
    void waitsGrowAfterTheFreeFailuresAndAreCapped() {
        assertEquals(Duration.ZERO, rules.wait("account:a", 2));
        assertEquals(Duration.ofSeconds(2), rules.wait("account:a", 3), "after the third failure the next attempt waits");
        assertEquals(Duration.ofSeconds(4), rules.wait("account:a", 4));
        assertEquals(Duration.ofSeconds(32), rules.wait("account:a", 7));
        assertEquals(Duration.ofSeconds(60), rules.wait("account:a", 8));
        assertEquals(Duration.ZERO, rules.wait("source:10.0.0.1", 19), "a shared address gets more free failures");
        assertEquals(Duration.ofSeconds(2), rules.wait("source:10.0.0.1", 20));
    }

    @Test
    void blockedWhileLockedOrInsideTheWait() {
        long t = 1_000_000L;
        assertFalse(LoginThrottle.blocked("account:a", 2, t, null, t + 1, rules));
        assertTrue(LoginThrottle.blocked("account:a", 3, t, null, t + 1_999, rules));
        assertFalse(LoginThrottle.blocked("account:a", 3, t, null, t + 2_000, rules));
        assertFalse(LoginThrottle.blocked("account:a", 2, t + 3_600_000, null, t, rules),
                "a failure stamped in the future (a clock moved back) blocks nothing while the attempts are free");
        assertTrue(LoginThrottle.blocked("account:a", 0, t, t + 60_000, t + 59_999, rules), "locked");
        assertFalse(LoginThrottle.blocked("account:a", 0, t, t + 60_000, t + 60_000, rules), "the lock ended");
        assertFalse(LoginThrottle.blocked("account:a", 9, t, null, t + Duration.ofMinutes(60).toMillis(), rules), "quiet period over");
    }
}
