package org.hostarea.itests;

import static org.hostarea.itests.PlatformIT.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.util.Map;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.junit.Test;
import org.ops4j.pax.exam.util.Filter;

/** Staff from the shell, customer accounts, login by number and email, /me, logout, and who may call what. */
public class AuthIT extends HostareaTestSupport {

    @Inject
    @Filter("(osgi.unit.name=identity)")
    JpaTemplate identity;

    @Test
    public void staffIsCreatedInTheShellAndLogsInSeparately() {
        String username = "ops-" + unique();
        String out = shell("hostarea:staff-add --name 'Olga Ops' --role SUPPORT --password " + STAFF_PASSWORD + " " + username);
        assertTrue(out, out.contains("Created staff user " + username + " (SUPPORT)"));

        Http.Reply login = http.post("/api/v1/admin/auth/login", Http.json(Map.of("login", username, "password", STAFF_PASSWORD)), null);
        assertEquals(login.toString(), 200, login.status());
        assertEquals("STAFF", login.json().get("scope").get("type").asText());
        assertEquals("SUPPORT", login.json().get("scope").get("staffRole").asText());
        assertTrue(login.json().get("token").asText().length() >= 43);

        // the staff namespace is not the customer one: a staff username is no customer login
        assertProblem(login(username, STAFF_PASSWORD), 401, "invalid-credentials");
    }

    @Test
    public void staffAddRejectsWeakPasswordsAndDuplicates() {
        String username = "weak-" + unique();
        String out = shell("hostarea:staff-add --password short " + username);
        assertTrue(out, out.contains("password must be at least 12 characters"));
        assertProblem(http.post("/api/v1/admin/auth/login", Http.json(Map.of("login", username, "password", "short")), null),
                401, "invalid-credentials");

        assertTrue(shell("hostarea:staff-add --password " + STAFF_PASSWORD + " " + username).contains("Created"));
        String again = shell("hostarea:staff-add --password " + STAFF_PASSWORD + " " + username);
        assertTrue(again, again.contains("already in use"));
    }

    @Test
    public void customerLogsInByNumberAndByEmail() {
        String email = uniqueEmail();
        JsonNode account = createCustomer("Ana Díaz", email, "ana-secret-password");
        String number = account.get("customerNumber").asText();
        assertTrue(number, number.matches("[1-9][0-9]{7}"));
        assertEquals("en", account.get("language").asText());
        assertTrue(account.get("hasPassword").asBoolean());

        Http.Reply byNumber = login(number, "ana-secret-password");
        assertEquals(byNumber.toString(), 200, byNumber.status());
        assertEquals("CUSTOMER", byNumber.json().get("scope").get("type").asText());
        assertEquals(account.get("id").asText(), byNumber.json().get("scope").get("accountId").asText());
        assertEquals(number, byNumber.json().get("scope").get("customerNumber").asText());
        assertTrue(byNumber.json().hasNonNull("expiresAt"));

        Http.Reply byEmail = login(email.toUpperCase(java.util.Locale.ROOT), "ana-secret-password");
        assertEquals(byEmail.toString(), 200, byEmail.status());
        assertNotEquals("every login gets its own token", byNumber.json().get("token").asText(), byEmail.json().get("token").asText());

        Http.Reply me = http.get("/api/v1/me", byEmail.json().get("token").asText());
        assertEquals(me.toString(), 200, me.status());
        assertEquals(number, me.json().get("customerNumber").asText());
        assertEquals("Ana Díaz", me.json().get("ownerName").asText());
        assertEquals(email, me.json().get("email").asText());
        assertFalse("no password material in the API", me.body().toLowerCase(java.util.Locale.ROOT).contains("hash"));
    }

    @Test
    public void createdAccountIsReadableByStaffAtItsLocation() {
        Http.Reply created = http.post("/api/v1/admin/customers",
                Http.json(Map.of("ownerName", "Bea", "email", uniqueEmail(), "language", "de")), adminToken());
        assertEquals(created.toString(), 201, created.status());
        String location = created.header("Location");
        assertTrue(location, location.endsWith("/api/v1/admin/customers/" + created.json().get("id").asText()));
        Http.Reply read = http.get(location.substring(location.indexOf("/api/")), adminToken());
        assertEquals(read.toString(), 200, read.status());
        assertEquals("de", read.json().get("language").asText());
        assertFalse("opened without a password", read.json().get("hasPassword").asBoolean());
        assertProblem(http.get("/api/v1/admin/customers/00000000-0000-0000-0000-000000000000", adminToken()), 404,
                "account-not-found");
    }

    @Test
    public void wrongPasswordUnknownAccountAndNoPasswordAnswerAlike() {
        String email = uniqueEmail();
        String number = createCustomer("Carl", email, "carl-secret-password").get("customerNumber").asText();
        String noPasswordEmail = uniqueEmail();
        createCustomer("Dora", noPasswordEmail, null);

        Http.Reply wrong = login(number, "not-the-password");
        Http.Reply unknownEmail = login("nobody-" + unique() + "@example.org", "not-the-password");
        Http.Reply unknownNumber = login("10000009", "not-the-password");
        Http.Reply noPassword = login(noPasswordEmail, "not-the-password");
        for (Http.Reply reply : new Http.Reply[] {wrong, unknownEmail, unknownNumber, noPassword}) {
            assertProblem(reply, 401, "invalid-credentials");
            assertEquals(withoutRequestId(wrong.json()), withoutRequestId(reply.json()));
            assertEquals(wrong.header("WWW-Authenticate"), reply.header("WWW-Authenticate"));
        }
    }

    @Test
    public void logoutKillsTheToken() {
        String email = uniqueEmail();
        createCustomer("Eva", email, "eva-secret-password");
        String token = loginToken(email, "eva-secret-password");
        String other = loginToken(email, "eva-secret-password");
        assertEquals(200, http.get("/api/v1/me", token).status());

        assertEquals(204, http.post("/api/v1/auth/logout", null, token).status());
        assertProblem(http.get("/api/v1/me", token), 401, "unauthenticated");
        assertProblem(http.post("/api/v1/auth/logout", null, token), 401, "unauthenticated");
        assertEquals("other sessions live on", 200, http.get("/api/v1/me", other).status());
    }

    @Test
    public void routesRefuseTheWrongKindOfCaller() {
        String email = uniqueEmail();
        createCustomer("Finn", email, "finn-secret-password");
        String customer = loginToken(email, "finn-secret-password");

        assertProblem(http.get("/api/v1/me", null), 401, "unauthenticated");
        assertProblem(http.get("/api/v1/me", "not-a-token"), 401, "unauthenticated");
        assertProblem(http.get("/api/v1/me", "A".repeat(43)), 401, "unauthenticated");
        assertProblem(http.get("/api/v1/admin/routes", customer), 403, "forbidden");
        assertProblem(http.post("/api/v1/admin/customers", Http.json(Map.of("ownerName", "X", "email", uniqueEmail())), customer),
                403, "forbidden");
        assertProblem(http.get("/api/v1/me", adminToken()), 403, "forbidden");
    }

    @Test
    public void billingStaffMayNotOpenAccounts() {
        String username = "bill-" + unique();
        shell("hostarea:staff-add --role BILLING --password " + STAFF_PASSWORD + " " + username);
        String billing = staffLogin(username, STAFF_PASSWORD);
        assertProblem(http.post("/api/v1/admin/customers", Http.json(Map.of("ownerName", "X", "email", uniqueEmail())), billing),
                403, "missing-role");
        assertEquals(204, http.post("/api/v1/admin/auth/logout", null, billing).status());
        assertProblem(http.get("/api/v1/admin/routes", billing), 401, "unauthenticated");
    }

    @Test
    public void rejectedCustomerCreationStoresNothing() {
        String taken = uniqueEmail();
        createCustomer("Gus", taken, null);
        long before = accounts();

        Http.Reply invalid = http.post("/api/v1/admin/customers",
                Http.json(Map.of("ownerName", " ", "email", "not-an-email", "language", "fr")), adminToken());
        assertProblem(invalid, 400, "validation");
        assertEquals(invalid.toString(), 3, invalid.json().get("errors").size());
        Http.Reply withPassword = http.post("/api/v1/admin/customers",
                Http.json(Map.of("ownerName", "Pat", "email", uniqueEmail(), "password", "staff-chosen-password")), adminToken());
        assertProblem(withPassword, 400, "validation");
        assertEquals("staff never set a customer's password", "password",
                withPassword.json().get("errors").get(0).get("field").asText());
        assertProblem(http.post("/api/v1/admin/customers", Http.json(Map.of("ownerName", "N".repeat(201), "email", uniqueEmail())),
                adminToken()), 400, "validation");
        assertProblem(http.post("/api/v1/admin/customers", Http.json(Map.of("ownerName", "Evil\r\nBcc: x", "email", uniqueEmail())),
                adminToken()), 400, "validation");
        assertProblem(http.post("/api/v1/admin/customers", "{\"ownerName\":\"X\",\"email\":\"" + uniqueEmail() + "\",\"role\":\"ADMIN\"}",
                adminToken()), 400, "validation");
        assertProblem(http.post("/api/v1/admin/customers", Http.json(Map.of("ownerName", "Gus 2", "email", taken.toUpperCase(java.util.Locale.ROOT))),
                adminToken()), 409, "email-taken");

        assertEquals("nothing stored", before, accounts());
    }

    @Test
    public void concurrentCreationsWithOneEmailOpenOneAccount() throws Exception {
        String email = uniqueEmail();
        String admin = adminToken();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String name = "Twin " + i;
                statuses.add(pool.submit(() -> http.post("/api/v1/admin/customers",
                        Http.json(Map.of("ownerName", name, "email", email)), admin).status()));
            }
            java.util.List<Integer> results = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> status : statuses) {
                results.add(status.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertEquals(results.toString(), 1, results.stream().filter(s -> s == 201).count());
            assertEquals(results.toString(), 7, results.stream().filter(s -> s == 409).count());
        } finally {
            pool.shutdownNow();
        }
        long withEmail = identity.txExpr(TransactionType.Supports, em -> ((Number) em
                .createNativeQuery("SELECT COUNT(*) FROM HA_ACCOUNT WHERE EMAIL_KEY = ?").setParameter(1, email)
                .getSingleResult()).longValue());
        assertEquals(1, withEmail);
    }

    @Test
    public void customerAddInTheShellOpensAnAccount() {
        String email = uniqueEmail();
        String out = shell("hostarea:customer-add --language es --password hola-secret-password 'Hugo Pérez' " + email);
        assertTrue(out, out.matches("(?s).*Created customer [1-9][0-9]{7} .*"));
        Http.Reply me = http.get("/api/v1/me", loginToken(email, "hola-secret-password"));
        assertEquals("es", me.json().get("language").asText());
        assertEquals("Hugo Pérez", me.json().get("ownerName").asText());
    }

    private long accounts() {
        return identity.txExpr(TransactionType.Supports,
                em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM HA_ACCOUNT").getSingleResult()).longValue());
    }

    private static JsonNode withoutRequestId(JsonNode problem) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = problem.deepCopy();
        copy.remove("requestId");
        return copy;
    }
}
