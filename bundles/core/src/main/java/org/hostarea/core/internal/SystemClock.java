package org.hostarea.core.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.osgi.service.component.annotations.Component;

/**
 * The clock every Hostarea component takes its time from, as a {@link Clock} service in UTC. Components
 * reference it with {@code policyOption = GREEDY}, so a clock registered with a higher service ranking
 * (as the integration tests do, to move time instead of waiting for it) takes over at once.
 */
@Component(service = Clock.class)
public class SystemClock extends Clock {

    private final Clock delegate = Clock.systemUTC();

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return delegate.withZone(zone);
    }

    @Override
    public Instant instant() {
        return delegate.instant();
    }
}
