package org.hostarea.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.hostarea.core.access.Permission;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * What the sweeps share: account A with one of each object it can have (named by the path segment routes use for it),
 * account B, invited users of A by permission set, and a call that speaks each route's media type. A route with a path id
 * that has no fixture here makes the sweeps fail until one is added.
 */
public abstract class SweepSupport extends HostareaTestSupport {

    private static final Pattern INVITATION = Pattern.compile("accept-invitation\\?token=([A-Za-z0-9_-]{43})");
    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final String PASSWORD = "sweep-password-1";

    protected final Mailbox mailbox = new Mailbox(SMTP_PORT);
    protected final String suffix = unique();
    /** Account A's objects by the path segment that names them, e.g. {@code invoices/{id}}. */
    protected final Map<String, String> ids = new HashMap<>();
    private final Map<Set<Permission>, String> usersWithout = new HashMap<>();
    protected String accountA;
    protected String tokenA;
    protected String numberA;
    protected String tokenB;

    @Before
    public void setUp() {
        installFeature("hostarea-notify-email");
        installFeature("hostarea-payment-testgateway");
        mailbox.start();
        String emailA = uniqueEmail();
        JsonNode a = createCustomer("Sweep A", emailA, PASSWORD);
        accountA = a.get("id").asText();
        numberA = a.get("customerNumber").asText();
        tokenA = loginToken(emailA, PASSWORD);
        String emailB = uniqueEmail();
        createCustomer("Sweep B", emailB, PASSWORD);
        tokenB = loginToken(emailB, PASSWORD);
        fixture();
    }

    @After
    public void tearDown() {
        mailbox.stop();
    }

    /** One of each object account A can have, named by the path segment routes use for it. */
    private void fixture() {
        String plan = "sweep-" + suffix;
        ok(http.post("/api/v1/admin/catalog/plans", Http.json(PackagesIT.plan(plan, "HOSTING", "5.00", Map.of(), List.of(), List.of())),
                adminToken()));
        JsonNode pkg = ok(http.post("/api/v1/admin/packages", Http.json(PackagesIT.newPackage(accountA, plan, "ANNUAL",
                List.of("sweep-" + suffix + ".com"))), adminToken()));
        ids.put("packages/{id}", pkg.get("id").asText());
        ids.put("domains/{domainId}", pkg.get("domains").get(0).get("id").asText());
        ids.put("apps/{appId}", ok(http.post("/api/v1/me/packages/" + pkg.get("id").asText() + "/apps", Http.json(Map.of("name", "wordpress",
                "path", "/blog")), tokenA)).get("id").asText());
        String invoice = issueInvoice(accountA, "10.00", "EUR").get("id").asText();
        ids.put("invoices/{id}", invoice);
        ids.put("payments/{id}", ok(http.post("/api/v1/me/invoices/" + invoice + "/payments", Http.json(Map.of("gateway", "test", "amount",
                new BigDecimal("0.01"))), tokenA)).get("id").asText());
        ids.put("payment-methods/{id}", ok(http.post("/api/v1/me/payment-methods", Http.json(Map.of("gateway", "test", "label", "Card",
                "reference", "vault:tok-" + suffix)), tokenA)).get("id").asText());
        ids.put("contacts/{id}", ok(http.post("/api/v1/me/contacts", Http.json(Map.of("name", "Contact A", "email", uniqueEmail())), tokenA))
                .get("id").asText());
        invite(EnumSet.of(Permission.MESSAGES_VIEW));
        ids.put("users/{id}", http.get("/api/v1/me/users", tokenA).json().get(0).get("id").asText());
        ids.put("messages/{id}", http.get("/api/v1/me/messages", tokenA).json().get("items").get(0).get("id").asText());
        ids.put("sessions/{id}", http.get("/api/v1/me/sessions", tokenA).json().get(0).get("id").asText());
        JsonNode form = ok(http.post("/api/v1/me/forms", Http.json(Map.of("type", "CHANGE_DOMAIN_HOLDER", "payload", Map.of("domainId",
                ids.get("domains/{domainId}"), "name", "Holder A", "email", "holder@example.org", "street", "Calle 1", "postcode", "28001",
                "city", "Madrid", "country", "ES"))), tokenA));
        ids.put("forms/{id}", form.get("id").asText());
        ids.put("attachments/{attachmentId}", ok(http.upload("/api/v1/me/forms/" + form.get("id").asText() + "/attachments?fileName=a.pdf",
                PDF, "application/pdf", tokenA)).get("id").asText());
        // a request of a third account that concerns A: a domain offered to A
        String emailC = uniqueEmail();
        String accountC = createCustomer("Sweep C", emailC, PASSWORD).get("id").asText();
        JsonNode pkgC = ok(http.post("/api/v1/admin/packages", Http.json(PackagesIT.newPackage(accountC, plan, "ANNUAL",
                List.of("offered-" + suffix + ".com"))), adminToken()));
        ids.put("incoming/{id}", ok(http.post("/api/v1/me/forms", Http.json(Map.of("type", "INTERNAL_DOMAIN_TRANSFER", "payload", Map.of(
                "domainId", pkgC.get("domains").get(0).get("id").asText(), "toCustomerNumber", numberA))), loginToken(emailC, PASSWORD)))
                .get("id").asText());
    }

    // --- helpers -----------------------------------------------------------------------------------------

    /** The route with A's ids in it; {@code null} (and the id named) if a path id has no fixture. */
    protected String ofA(String template, Set<String> unknown) {
        String[] segments = template.split("/");
        StringBuilder path = new StringBuilder();
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            if (PARAM.matcher(segment).matches()) {
                String key = segments[i - 1] + "/" + segment;
                String id = ids.get(key);
                if (id == null) {
                    unknown.add(key + " in " + template);
                    return null;
                }
                segment = id;
            }
            path.append('/').append(segment);
        }
        return path.toString();
    }

    protected static String random(String template) {
        Matcher param = PARAM.matcher(template);
        StringBuilder path = new StringBuilder();
        while (param.find()) {
            param.appendReplacement(path, UUID.randomUUID().toString());
        }
        return param.appendTail(path).toString();
    }

    /** A call with an empty JSON body where a body goes; a route that takes another media type is asked in its own. */
    protected Http.Reply call(String method, String path, String token) {
        boolean body = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        Http.Reply reply = http.send(method, path, body ? "{}" : null, body ? "application/json" : null, token, Map.of());
        if (reply.status() == 415) {
            reply = http.send(method, path, "<x/>", "application/xml", token, Map.of());
        }
        if (reply.status() == 415) {
            reply = http.send(method, path, "%PDF-", "application/octet-stream", token, Map.of());
        }
        return reply;
    }




    /** An invited user of A with every permission but the given ones (made once per set). */
    protected String userWithout(Set<Permission> needed) {
        return usersWithout.computeIfAbsent(needed, missing -> {
            EnumSet<Permission> granted = EnumSet.allOf(Permission.class);
            granted.removeAll(missing);
            return invite(granted);
        });
    }

    protected String invite(Set<Permission> permissions) {
        String email = uniqueEmail();
        ok(http.post("/api/v1/me/users/invitations", Http.json(Map.of("email", email, "permissions", permissions.stream().map(Enum::name)
                .collect(Collectors.toList()))), tokenA));
        Matcher link = INVITATION.matcher(Mailbox.text(mailbox.awaitTo(email, "invites you")));
        assertTrue(link.find());
        Map<String, Object> accept = new LinkedHashMap<>();
        accept.put("token", link.group(1));
        accept.put("name", "Invited " + permissions.size());
        accept.put("password", PASSWORD);
        assertEquals(204, http.post("/api/v1/auth/invitations/accept", Http.json(accept), null).status());
        return loginToken(email, PASSWORD);
    }

    protected static JsonNode ok(Http.Reply reply) {
        assertTrue(reply.toString(), reply.status() / 100 == 2);
        return reply.json();
    }
}
