package org.hostarea.notifications.internal;

import java.time.Duration;

/** Exponential backoff: the n-th failed attempt waits initial × 2^(n-1), at most {@code max}; none after the last. */
record Backoff(int maxAttempts, Duration initial, Duration max) {

    /** The delay before the next attempt after {@code failedAttempts} failures, or {@code null} to give up. */
    Duration next(int failedAttempts) {
        if (failedAttempts >= maxAttempts) {
            return null;
        }
        int doublings = Math.min(failedAttempts - 1, 30);
        Duration delay = initial.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
