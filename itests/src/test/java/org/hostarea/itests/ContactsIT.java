package org.hostarea.itests;

import static org.hostarea.itests.PlatformIT.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;
import javax.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.hostarea.notifications.MessageStatus;
import org.hostarea.notifications.NotificationService;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.util.Filter;

/** Master data (validated, audited) and contacts (role limits under concurrency, verification, categories). */
public class ContactsIT extends HostareaTestSupport {

    private static final Pattern LINK = Pattern.compile("verify-email\\?token=([A-Za-z0-9_-]{43})");

    @Inject
    @Filter("(osgi.unit.name=contacts)")
    JpaTemplate contactsUnit;

    @Inject
    NotificationService notifications;

    private final Mailbox mailbox = new Mailbox(SMTP_PORT);
    private String email;
    private String token;
    private String accountId;

    @Before
    public void setUp() {
        installFeature("hostarea-notify-email");
        mailbox.start();
        email = uniqueEmail();
        accountId = createCustomer("Carmen", email, "carmen-password-1").get("id").asText();
        token = loginToken(email, "carmen-password-1");
    }

    @After
    public void tearDown() {
        mailbox.stop();
    }

    @Test
    public void masterDataIsValidatedStoredAndAudited() {
        Map<String, Object> profile = profile("Carmen García", "DE89 3704 0044 0532 0130 00");
        Http.Reply saved = http.send("PUT", "/api/v1/me/profile", Http.json(profile), "application/json", token, Map.of());
        assertEquals(saved.toString(), 200, saved.status());
        assertEquals("DE89370400440532013000", saved.json().get("iban").asText());

        profile.put("city", "Sevilla");
        http.send("PUT", "/api/v1/me/profile", Http.json(profile), "application/json", token, Map.of());
        JsonNode changes = http.get("/api/v1/me/profile/changes", token).json();
        JsonNode city = null;
        for (JsonNode change : changes) {
            if (change.get("field").asText().equals("city") && "Sevilla".equals(change.get("newValue").asText())) {
                city = change;
            }
        }
        assertTrue(changes.toString(), city != null);
        assertEquals("Madrid", city.get("oldValue").asText());
        assertEquals("customer:" + accountId, city.get("changedBy").asText());

        long before = count("SELECT COUNT(*) FROM HA_PROFILE_CHANGE");
        Map<String, Object> bad = profile("N".repeat(10_000), "DE89 3704 0044 0532 0130 01");
        bad.put("email", "x@example.org\r\nBcc: victim@example.org");
        bad.put("country", "XX");
        Http.Reply refused = http.send("PUT", "/api/v1/me/profile", Http.json(bad), "application/json", token, Map.of());
        assertProblem(refused, 400, "validation");
        assertEquals(refused.toString(), 4, refused.json().get("errors").size());
        assertEquals("nothing stored", before, count("SELECT COUNT(*) FROM HA_PROFILE_CHANGE"));
        assertEquals("Sevilla", http.get("/api/v1/me/profile", token).json().get("city").asText());
    }

    @Test
    public void roleLimitsHoldUnderConcurrentAdds() throws Exception {
        assertEquals(List.of(1L, 9L), addConcurrently("ADMINISTRATIVE", 10));
        assertEquals(List.of(3L, 7L), addConcurrently("OWNER", 10));
        JsonNode contacts = http.get("/api/v1/me/contacts", token).json();
        assertEquals(4, contacts.size());
        Http.Reply unknownRole = http.post("/api/v1/me/contacts", Http.json(Map.of("name", "X", "email", uniqueEmail(), "role", "BOSS")), token);
        assertProblem(unknownRole, 400, "validation");
        assertEquals("role", unknownRole.json().get("errors").get(0).get("field").asText());
    }

    @Test
    public void aContactIsVerifiedByItsLinkAndOnlyThenReceivesItsCategories() {
        String billing = uniqueEmail();
        String subscriber = uniqueEmail();
        JsonNode billingContact = add(Map.of("name", "Bill", "email", billing, "role", "BILLING"));
        add(Map.of("name", "Sue", "email", subscriber, "categories", List.of("INVOICES", "GENERAL")));
        assertFalse(billingContact.get("verified").asBoolean());

        // until verified: an INVOICES message reaches nobody of them, so it is refused for lack of recipients
        Map<String, Object> invoice = invoiceMessage();
        assertProblem(http.post("/api/v1/admin/messages", Http.json(invoice), adminToken()), 400, "validation");

        String billingToken = tokenFrom(mailbox.awaitTo(billing, "Please confirm your email address"));
        assertEquals(204, http.post("/api/v1/contacts/verify", Http.json(Map.of("token", billingToken)), null).status());
        assertProblem(http.post("/api/v1/contacts/verify", Http.json(Map.of("token", billingToken)), null), 400,
                "verification-token-invalid");
        assertTrue(http.get("/api/v1/me/contacts/" + billingContact.get("id").asText(), token).json().get("verified").asBoolean());

        Http.Reply sent = http.post("/api/v1/admin/messages", Http.json(invoice), adminToken());
        assertEquals(sent.toString(), 202, sent.status());
        JsonNode recipients = sent.json().get("recipients");
        assertEquals("only the verified billing contact", 1, recipients.size());
        assertEquals(billing, recipients.get(0).asText());
        String id = sent.json().get("id").asText();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> notifications.message(id).status() == MessageStatus.SENT);
    }

    @Test
    public void aVerifiedOwnerContactGetsALoginWithTheOwnersRights() {
        String ownerEmail = uniqueEmail();
        JsonNode owner = add(Map.of("name", "Olga Owner", "email", ownerEmail, "role", "OWNER"));
        String verify = tokenFrom(mailbox.awaitTo(ownerEmail, "Please confirm your email address"));
        assertEquals(204, http.post("/api/v1/contacts/verify", Http.json(Map.of("token", verify)), null).status());

        Matcher invitation = Pattern.compile("accept-invitation\\?token=([A-Za-z0-9_-]{43})")
                .matcher(Mailbox.text(mailbox.awaitTo(ownerEmail, "invites you")));
        assertTrue(invitation.find());
        assertEquals(204, http.post("/api/v1/auth/invitations/accept", Http.json(Map.of("token", invitation.group(1),
                "name", "Olga Owner", "password", "olga-own-password")), null).status());
        String olga = loginToken(ownerEmail, "olga-own-password");
        assertEquals(200, http.get("/api/v1/me/profile", olga).status());
        assertEquals(200, http.get("/api/v1/me/contacts", olga).status());
        assertEquals(200, http.get("/api/v1/me/messages", olga).status());
        assertProblem(http.get("/api/v1/me/users", olga), 403, "holder-only");

        assertEquals(204, http.send("DELETE", "/api/v1/me/contacts/" + owner.get("id").asText(), null, null, token, Map.of()).status());
        assertProblem(http.get("/api/v1/me/contacts", olga), 401, "unauthenticated");
        assertProblem(login(ownerEmail, "olga-own-password"), 401, "invalid-credentials");
    }

    @Test
    public void contactsOfAnotherAccountAreNotFound() {
        JsonNode mine = add(Map.of("name", "Mine", "email", uniqueEmail()));
        String otherEmail = uniqueEmail();
        createCustomer("Intruder", otherEmail, "intruder-password");
        String other = loginToken(otherEmail, "intruder-password");
        String path = "/api/v1/me/contacts/" + mine.get("id").asText();
        assertProblem(http.get(path, other), 404, "contact-not-found");
        assertProblem(http.send("PUT", path, Http.json(Map.of("name", "Hijacked", "email", uniqueEmail())), "application/json", other,
                Map.of()), 404, "contact-not-found");
        assertProblem(http.send("DELETE", path, null, null, other, Map.of()), 404, "contact-not-found");
        assertEquals("Mine", http.get(path, token).json().get("name").asText());
        assertEquals(204, http.send("DELETE", path, null, null, token, Map.of()).status());
        assertProblem(http.get(path, token), 404, "contact-not-found");
    }

    private List<Long> addConcurrently(String role, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String name = role + " " + i;
                results.add(pool.submit(() -> http.post("/api/v1/me/contacts",
                        Http.json(Map.of("name", name, "email", uniqueEmail(), "role", role)), token).status()));
            }
            long created = 0;
            long conflicts = 0;
            for (Future<Integer> result : results) {
                int status = result.get(60, TimeUnit.SECONDS);
                created += status == 201 ? 1 : 0;
                conflicts += status == 409 ? 1 : 0;
            }
            return List.of(created, conflicts);
        } finally {
            pool.shutdownNow();
        }
    }

    private JsonNode add(Map<String, Object> contact) {
        Http.Reply reply = http.post("/api/v1/me/contacts", Http.json(contact), token);
        assertEquals(reply.toString(), 201, reply.status());
        return reply.json();
    }

    private Map<String, Object> invoiceMessage() {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("templateKey", "staff.notice");
        message.put("accountId", accountId);
        message.put("language", "en");
        message.put("category", "INVOICES");
        message.put("params", Map.of("name", "x", "subject", "Invoice", "body", "b"));
        return message;
    }

    private static Map<String, Object> profile(String holder, String iban) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("holderName", holder);
        profile.put("street", "Calle Mayor 1");
        profile.put("postcode", "28013");
        profile.put("city", "Madrid");
        profile.put("country", "ES");
        profile.put("phone", "+34 912 345 678");
        profile.put("email", "facturas@example.org");
        profile.put("iban", iban);
        profile.put("bic", "COBADEFFXXX");
        profile.put("taxId", "B12345678");
        return profile;
    }

    private static String tokenFrom(MimeMessage mail) {
        Matcher link = LINK.matcher(Mailbox.text(mail));
        assertTrue(Mailbox.text(mail), link.find());
        return link.group(1);
    }

    private long count(String sql) {
        return contactsUnit.txExpr(TransactionType.Supports, em -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
