package org.hostarea.itests;

import static org.awaitility.Awaitility.await;
import static org.hostarea.itests.PlatformIT.assertProblem;
import static org.junit.Assert.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Hashtable;

import org.junit.Test;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

/**
 * Sessions end after the idle timeout (30 min) and at the absolute timeout (12 h), measured on the
 * injected clock: the test registers a higher-ranked clock and moves it instead of waiting.
 */
public class SessionExpiryIT extends HostareaTestSupport {

    @Test
    public void idleAndAbsoluteTimeoutsEndSessions() {
        String email = uniqueEmail();
        createCustomer("Ida", email, "ida-secret-password");
        MutableClock clock = new MutableClock(Instant.now());
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Constants.SERVICE_RANKING, 1000);
        ServiceRegistration<Clock> registration = bundleContext.registerService(Clock.class, clock, properties);
        try {
            // the identity components rebind to the new clock; a token issued on it proves it
            String idle = await("identity on the test clock").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> loginToken(email, "ida-secret-password"), token -> {
                        clock.advance(Duration.ofMinutes(31));
                        boolean expired = http.get("/api/v1/me", token).status() == 401;
                        return expired;
                    });
            assertProblem(http.get("/api/v1/me", idle), 401, "unauthenticated");

            String busy = loginToken(email, "ida-secret-password");
            for (int minutes = 25; minutes < 12 * 60; minutes += 25) {
                clock.advance(Duration.ofMinutes(25));
                assertEquals("used every 25 minutes, alive at " + minutes + " min", 200, http.get("/api/v1/me", busy).status());
            }
            clock.advance(Duration.ofMinutes(25));
            assertProblem(http.get("/api/v1/me", busy), 401, "unauthenticated");
        } finally {
            registration.unregister();
        }
        await("identity back on the system clock").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> http.get("/api/v1/me", loginToken(email, "ida-secret-password")).status() == 200);
    }
}
