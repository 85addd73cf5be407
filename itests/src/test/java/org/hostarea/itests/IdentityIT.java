package org.hostarea.itests;

import static org.awaitility.Awaitility.await;
import static org.hostarea.itests.PlatformIT.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Hashtable;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

/**
 * Passwords and sessions as a customer meets them: the reset by mailed link (also the first password of
 * an account opened by staff), the password rules, the change that ends other sessions, the session
 * list, brute-force slow-down and lockout on a moved clock, staff unlock and the security log.
 */
public class IdentityIT extends HostareaTestSupport {

    private static final String PROBE_PASSWORD = "clock-probe-password";
    private static final Pattern LINK = Pattern.compile("https://customer\\.test/reset\\?token=([A-Za-z0-9_-]{43})");

    private final Mailbox mailbox = new Mailbox(SMTP_PORT);

    @javax.inject.Inject
    @org.ops4j.pax.exam.util.Filter("(osgi.unit.name=notifications)")
    org.apache.aries.jpa.template.JpaTemplate outbox;
    private MutableClock clock;
    private ServiceRegistration<Clock> clockRegistration;
    private String probeEmail;

    @Before
    public void setUp() {
        installFeature("hostarea-notify-email");
        mailbox.start();
    }

    @After
    public void tearDown() {
        mailbox.stop();
        if (clockRegistration != null) {
            clockRegistration.unregister();
            await("identity back on the system clock").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> login(probeEmail, PROBE_PASSWORD).status() == 200);
        }
    }

    @Test
    public void anAccountOpenedByStaffGetsItsFirstPasswordByResetLink() {
        String email = uniqueEmail();
        JsonNode account = createCustomer("Olivia", email, null);
        assertEquals(202, http.post("/api/v1/admin/customers/" + account.get("id").asText() + "/password-reset", null,
                adminToken()).status());
        String token = tokenFrom(mailbox.awaitTo(email, "Choose your new password"));

        Http.Reply confirm = confirm(token, "olivia-first-password");
        assertEquals(confirm.toString(), 204, confirm.status());
        assertEquals(200, login(email, "olivia-first-password").status());
        assertTrue(http.get("/api/v1/admin/customers/" + account.get("id").asText(), adminToken()).json()
                .get("hasPassword").asBoolean());
    }

    @Test
    public void theResetAnswersAlikeMailsOnceAndTheLinkWorksOnce() {
        String email = uniqueEmail();
        createCustomer("Rosa", email, "rosa-old-password");
        String oldSession = loginToken(email, "rosa-old-password");

        Http.Reply known = http.post("/api/v1/auth/password-reset", Http.json(Map.of("login", email)), null);
        Http.Reply unknown = http.post("/api/v1/auth/password-reset", Http.json(Map.of("login", "nobody-" + unique() + "@example.org")), null);
        assertEquals(202, known.status());
        assertEquals(202, unknown.status());
        assertEquals("no enumeration", known.body(), unknown.body());

        MimeMessage mail = mailbox.awaitTo(email, "Choose your new password");
        assertTrue(Mailbox.text(mail).contains("Hello Rosa"));
        String token = tokenFrom(mail);

        assertProblem(confirm(token, "123qweasdzxc"), 400, "validation"); // a common password
        assertProblem(confirm(token, "short"), 400, "validation");
        assertProblem(confirm(token, email), 400, "validation"); // the login itself
        assertEquals(204, confirm(token, "rosa-new-password").status());

        assertProblem(confirm(token, "rosa-newer-password"), 400, "reset-token-invalid");
        assertProblem(confirm("A".repeat(43), "rosa-newer-password"), 400, "reset-token-invalid");
        assertProblem(http.get("/api/v1/me", oldSession), 401, "unauthenticated");
        assertProblem(login(email, "rosa-old-password"), 401, "invalid-credentials");
        assertEquals(200, login(email, "rosa-new-password").status());
        mailbox.awaitTo(email, "Your password was changed");

        // the link is in the mail only: not in the message log, not for staff, not in the database once sent
        String rosa = loginToken(email, "rosa-new-password");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !http.get("/api/v1/me/messages", rosa).body()
                .contains("QUEUED"));
        assertFalse(http.get("/api/v1/me/messages", rosa).body().contains(token));
        assertTrue(http.get("/api/v1/me/messages", rosa).body().contains("private link"));
        assertFalse(http.get("/api/v1/admin/messages?size=100", adminToken()).body().contains(token));
        assertEquals(0L, (long) outbox.txExpr(org.apache.aries.jpa.template.TransactionType.Supports, em -> ((Number) em
                .createNativeQuery("SELECT COUNT(*) FROM HA_MESSAGE WHERE BODY_TEXT LIKE ?").setParameter(1, "%" + token + "%")
                .getSingleResult()).longValue()));
    }

    @Test
    public void guessingTheCurrentPasswordIsThrottledLikeALogin() {
        String email = uniqueEmail();
        createCustomer("Gert", email, "gert-password-1");
        String session = loginToken(email, "gert-password-1");
        for (int i = 0; i < 3; i++) {
            assertProblem(http.send("PUT", "/api/v1/me/password", Http.json(Map.of("currentPassword", "guess-" + i,
                    "newPassword", "gert-password-2")), "application/json", session, Map.of()), 400, "validation");
        }
        // right away after three wrong guesses even the right one is refused, as at the login
        assertProblem(http.send("PUT", "/api/v1/me/password", Http.json(Map.of("currentPassword", "gert-password-1",
                "newPassword", "gert-password-2")), "application/json", session, Map.of()), 400, "validation");
        assertProblem(login(email, "gert-password-1"), 401, "invalid-credentials");
    }

    @Test
    public void aChangedPasswordVoidsOlderResetLinks() {
        String email = uniqueEmail();
        createCustomer("Vera", email, "vera-password-1");
        http.post("/api/v1/auth/password-reset", Http.json(Map.of("login", email)), null);
        String stale = tokenFrom(mailbox.awaitTo(email, "Choose your new password"));
        String vera = loginToken(email, "vera-password-1");
        assertEquals(204, http.send("PUT", "/api/v1/me/password", Http.json(Map.of("currentPassword", "vera-password-1",
                "newPassword", "vera-password-2")), "application/json", vera, Map.of()).status());
        assertProblem(confirm(stale, "attacker-password-1"), 400, "reset-token-invalid");
        assertEquals(200, login(email, "vera-password-2").status());
    }

    @Test
    public void resetMailsComeInTheAccountsLanguage() {
        String email = uniqueEmail();
        String out = shell("hostarea:customer-add --language de 'Dieter Deutsch' " + email);
        assertTrue(out, out.contains("Created customer"));
        http.post("/api/v1/auth/password-reset", Http.json(Map.of("login", email)), null);
        MimeMessage mail = mailbox.awaitTo(email, "Wählen Sie Ihr neues Passwort");
        assertTrue(Mailbox.text(mail).contains("Hallo Dieter Deutsch"));
    }

    @Test
    public void anExpiredLinkIsRefused() {
        String email = uniqueEmail();
        createCustomer("Ernesto", email, "ernesto-password-1");
        useTestClock();
        http.post("/api/v1/auth/password-reset", Http.json(Map.of("login", email)), null);
        String token = tokenFrom(mailbox.awaitTo(email, "Choose your new password"));
        clock.advance(Duration.ofMinutes(31));
        assertProblem(confirm(token, "ernesto-password-2"), 400, "reset-token-invalid");
        assertEquals(200, login(email, "ernesto-password-1").status());
    }

    @Test
    public void changingThePasswordNeedsTheCurrentOneAndEndsOtherSessions() {
        String email = uniqueEmail();
        createCustomer("Chris", email, "chris-password-1");
        String here = loginToken(email, "chris-password-1");
        String elsewhere = loginToken(email, "chris-password-1");

        Http.Reply wrong = http.send("PUT", "/api/v1/me/password",
                Http.json(Map.of("currentPassword", "not-it-at-all", "newPassword", "chris-password-2")), "application/json", here, Map.of());
        assertProblem(wrong, 400, "validation");
        assertEquals("currentPassword", wrong.json().get("errors").get(0).get("field").asText());

        Http.Reply changed = http.send("PUT", "/api/v1/me/password",
                Http.json(Map.of("currentPassword", "chris-password-1", "newPassword", "chris-password-2")), "application/json", here, Map.of());
        assertEquals(changed.toString(), 204, changed.status());
        assertEquals("this session lives on", 200, http.get("/api/v1/me", here).status());
        assertProblem(http.get("/api/v1/me", elsewhere), 401, "unauthenticated");
        assertEquals(200, login(email, "chris-password-2").status());
        mailbox.awaitTo(email, "Your password was changed");
    }

    @Test
    public void theLoginEmailChangesOnlyWithThePasswordAndAConfirmedNewAddress() {
        String email = uniqueEmail();
        String newEmail = uniqueEmail();
        createCustomer("Elena", email, "elena-password-1");
        String token = loginToken(email, "elena-password-1");
        assertProblem(http.send("PUT", "/api/v1/me/email", Http.json(Map.of("currentPassword", "wrong-password-1", "newEmail", newEmail)),
                "application/json", token, Map.of()), 400, "validation");
        assertEquals(202, http.send("PUT", "/api/v1/me/email", Http.json(Map.of("currentPassword", "elena-password-1", "newEmail", newEmail)),
                "application/json", token, Map.of()).status());
        assertEquals("not before confirmation", 200, login(email, "elena-password-1").status());

        Matcher link = Pattern.compile("confirm-email\\?token=([A-Za-z0-9_-]{43})")
                .matcher(Mailbox.text(mailbox.awaitTo(newEmail, "Confirm your new login email")));
        assertTrue(link.find());
        assertEquals(204, http.post("/api/v1/auth/email-change/confirm", Http.json(Map.of("token", link.group(1))), null).status());
        assertProblem(http.post("/api/v1/auth/email-change/confirm", Http.json(Map.of("token", link.group(1))), null), 400,
                "email-change-token-invalid");
        assertEquals(200, login(newEmail, "elena-password-1").status());
        assertProblem(login(email, "elena-password-1"), 401, "invalid-credentials");
        assertTrue(Mailbox.text(mailbox.awaitTo(email, "Your login email was changed")).contains(newEmail));
        assertEquals(newEmail, http.get("/api/v1/me", token).json().get("email").asText());
    }

    @Test
    public void theCustomerSeesAndEndsTheirSessions() {
        String email = uniqueEmail();
        createCustomer("Sam", email, "sam-password-123");
        String first = loginToken(email, "sam-password-123");
        String second = loginToken(email, "sam-password-123");

        JsonNode sessions = http.get("/api/v1/me/sessions", first).json();
        assertEquals(sessions.toString(), 2, sessions.size());
        String secondId = null;
        for (JsonNode session : sessions) {
            assertTrue(session.hasNonNull("createdAt") && session.hasNonNull("lastSeenAt"));
            if (!session.get("current").asBoolean()) {
                secondId = session.get("id").asText();
            }
        }
        String otherEmail = uniqueEmail();
        createCustomer("Other", otherEmail, "other-password-1");
        String other = loginToken(otherEmail, "other-password-1");
        assertProblem(http.send("DELETE", "/api/v1/me/sessions/" + secondId, null, null, other, Map.of()), 404, "session-not-found");

        assertEquals(204, http.send("DELETE", "/api/v1/me/sessions/" + secondId, null, null, first, Map.of()).status());
        assertProblem(http.get("/api/v1/me", second), 401, "unauthenticated");
        assertEquals(200, http.get("/api/v1/me", first).status());
        assertEquals(1, http.get("/api/v1/me/sessions", first).json().size());
    }

    @Test
    public void staffEndEverySessionOfAnAccountAndOldSecurityEventsArePurged() {
        String email = uniqueEmail();
        String accountId = createCustomer("Sid Sessions", email, "sid-password-12").get("id").asText();
        String first = loginToken(email, "sid-password-12");
        String second = loginToken(email, "sid-password-12");
        String otherEmail = uniqueEmail();
        createCustomer("Other", otherEmail, "other-password-12");
        String other = loginToken(otherEmail, "other-password-12");
        assertEquals(403, http.post("/api/v1/admin/customers/" + accountId + "/sessions/end", "", first).status());
        Http.Reply ended = http.post("/api/v1/admin/customers/" + accountId + "/sessions/end", "", adminToken());
        assertEquals(ended.toString(), 200, ended.status());
        assertTrue(ended.toString(), ended.json().get("ended").asInt() >= 2);
        assertEquals(401, http.get("/api/v1/me", first).status());
        assertEquals(401, http.get("/api/v1/me", second).status());
        assertEquals(200, http.get("/api/v1/me", other).status());
        assertProblem(http.post("/api/v1/admin/customers/" + java.util.UUID.randomUUID() + "/sessions/end", "", adminToken()), 404,
                "account-not-found");
        String events = http.get("/api/v1/admin/security-events?accountId=" + accountId + "&size=100", adminToken()).body();
        assertTrue(events, events.contains("SESSIONS_ENDED"));

        // a year and more later, the daily purge forgets the account's security events and every expired session
        useTestClock();
        clock.advance(Duration.ofDays(401));
        String purged = shell("hostarea:identity-purge");
        assertTrue(purged, purged.matches("(?s).*Deleted \\d+ expired session\\(s\\) and [1-9]\\d* security event\\(s\\).*"));
        assertEquals(0, http.get("/api/v1/admin/security-events?accountId=" + accountId, adminToken()).json().get("total").asInt());
        assertEquals(401, http.get("/api/v1/me", other).status());
    }

    @Test
    public void aPasswordTypedIntoTheLoginFieldIsNotWrittenToTheSecurityLog() {
        String secret = "Tr0ub4dor&3-" + unique();
        assertProblem(login(secret, "whatever-password"), 401, "invalid-credentials");
        String unknownEmail = "nobody-" + unique() + "@example.org";
        assertProblem(login(unknownEmail, "whatever-password"), 401, "invalid-credentials");
        String events = http.get("/api/v1/admin/security-events?type=LOGIN_FAILED&size=100", adminToken()).body();
        assertFalse(events, events.contains(secret));
        assertTrue(events, events.contains("login:(not a login name)") && events.contains("login:" + unknownEmail));
    }

    @Test
    public void failedLoginsSlowDownThenLockAndTheOwnerIsTold() {
        String email = uniqueEmail();
        JsonNode account = createCustomer("Bruno", email, "bruno-password-1");
        String accountId = account.get("id").asText();
        useTestClock();

        for (int i = 0; i < 3; i++) {
            assertProblem(login(email, "wrong-" + i), 401, "invalid-credentials");
        }
        // the fourth attempt comes too soon: refused like a wrong password, even with the right one
        Http.Reply tooSoon = login(email, "bruno-password-1");
        assertProblem(tooSoon, 401, "invalid-credentials");
        clock.advance(Duration.ofSeconds(3));
        assertEquals("after the wait the right password works", 200, login(email, "bruno-password-1").status());

        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofSeconds(61));
            assertProblem(login(email, "wrong-again-" + i), 401, "invalid-credentials");
        }
        clock.advance(Duration.ofSeconds(61));
        Http.Reply locked = login(email, "bruno-password-1");
        assertProblem(locked, 401, "invalid-credentials");
        assertTrue(Mailbox.text(mailbox.awaitTo(email, "Your account was locked")).contains("15 minutes"));

        clock.advance(Duration.ofMinutes(15));
        assertEquals("the lock ends by itself", 200, login(email, "bruno-password-1").status());

        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofSeconds(61));
            login(email, "wrong-once-more-" + i);
        }
        assertProblem(login(email, "bruno-password-1"), 401, "invalid-credentials");
        assertEquals(204, http.post("/api/v1/admin/customers/" + accountId + "/unlock", null, adminToken()).status());
        assertEquals("staff lifted the lock", 200, login(email, "bruno-password-1").status());

        JsonNode events = http.get("/api/v1/admin/security-events?accountId=" + accountId + "&size=100", adminToken()).json();
        String types = events.get("items").findValuesAsText("type").toString();
        for (String type : new String[] {"LOGIN", "LOGIN_FAILED", "LOGIN_THROTTLED", "LOCKED", "UNLOCKED"}) {
            assertTrue(type + " in " + types, types.contains(type));
        }
        assertFalse("no password in the log", events.toString().contains("bruno-password-1"));
        assertProblem(http.get("/api/v1/admin/security-events", loginToken(email, "bruno-password-1")), 403, "forbidden");
    }

    private Http.Reply confirm(String token, String password) {
        return http.post("/api/v1/auth/password-reset/confirm", Http.json(Map.of("token", token, "password", password)), null);
    }

    private static String tokenFrom(MimeMessage mail) {
        Matcher link = LINK.matcher(Mailbox.text(mail));
        assertTrue(Mailbox.text(mail), link.find());
        return link.group(1);
    }

    /**
     * Moves identity onto a clock the test turns by hand (registered with a high ranking). Identity has
     * taken it when a session of a probe account dies as that clock jumps past the idle timeout.
     */
    private void useTestClock() {
        probeEmail = uniqueEmail();
        createCustomer("Clock Probe", probeEmail, PROBE_PASSWORD);
        clock = new MutableClock(Instant.now());
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Constants.SERVICE_RANKING, 1000);
        clockRegistration = bundleContext.registerService(Clock.class, clock, properties);
        await("identity on the test clock").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> loginToken(probeEmail, PROBE_PASSWORD), token -> {
                    clock.advance(Duration.ofMinutes(31));
                    return http.get("/api/v1/me", token).status() == 401;
                });
    }
}
