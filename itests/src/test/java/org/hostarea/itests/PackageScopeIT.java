package org.hostarea.itests;

import static org.hostarea.itests.PlatformIT.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Before;
import org.junit.Test;

/**
 * The package password (STRATO): any domain of a package + its password opens that one package's technical
 * settings and nothing else. Walks every route of the inventory with such a token, and with another account's
 * holder token over every package route.
 */
public class PackageScopeIT extends HostareaTestSupport {

    private static final String PACKAGE_PASSWORD = "tech-admin-pass-2026";

    private String suffix;
    private String holderToken;
    private String packageId;
    private String otherPackageId;
    private String domainId;
    private String domain;

    @Before
    public void setUp() {
        suffix = unique();
        String email = uniqueEmail();
        String accountId = createCustomer("Hans Holder", email, "hans-password-1").get("id").asText();
        holderToken = loginToken(email, "hans-password-1");
        Map<String, Object> plan = PackagesIT.plan("scope-" + suffix, "HOSTING", "10.00", Map.of("apps", 5L), List.of(), List.of());
        assertEquals(201, http.post("/api/v1/admin/catalog/plans", Http.json(plan), adminToken()).status());
        domain = "scope-" + suffix + ".example";
        JsonNode pkg = create(PackagesIT.newPackage(accountId, "scope-" + suffix, "ANNUAL", List.of(domain, "zürich-" + suffix + ".de")));
        packageId = pkg.get("id").asText();
        domainId = pkg.get("domains").get(0).get("id").asText();
        otherPackageId = create(PackagesIT.newPackage(accountId, "scope-" + suffix, "ANNUAL", List.of("other-" + suffix + ".example")))
                .get("id").asText();
    }

    private JsonNode create(Map<String, Object> body) {
        Http.Reply reply = http.post("/api/v1/admin/packages", Http.json(body), adminToken());
        assertEquals(reply.toString(), 201, reply.status());
        return reply.json();
    }

    private void setPassword(String id, String password, int expected) {
        Http.Reply reply = http.send("PUT", "/api/v1/me/packages/" + id + "/password", Http.json(Map.of("password", password)),
                "application/json", holderToken, Map.of());
        assertEquals(reply.toString(), expected, reply.status());
    }

    @Test
    public void aDomainAndThePackagePasswordOpenThatPackagesTechnicalSettingsOnly() {
        assertProblem(login(domain, PACKAGE_PASSWORD), 401, "invalid-credentials"); // no password yet
        Http.Reply weak = http.send("PUT", "/api/v1/me/packages/" + packageId + "/password", Http.json(Map.of("password", "short")),
                "application/json", holderToken, Map.of());
        assertProblem(weak, 400, "validation");
        Http.Reply same = http.send("PUT", "/api/v1/me/packages/" + packageId + "/password", Http.json(Map.of("password", domain)),
                "application/json", holderToken, Map.of());
        assertProblem(same, 400, "validation");
        assertFalse(http.get("/api/v1/me/packages/" + packageId + "/password", holderToken).json().get("set").asBoolean());
        setPassword(packageId, PACKAGE_PASSWORD, 204);
        assertTrue(http.get("/api/v1/me/packages/" + packageId + "/password", holderToken).json().get("set").asBoolean());

        Http.Reply loggedIn = login(domain.toUpperCase(), PACKAGE_PASSWORD);
        assertEquals(loggedIn.toString(), 200, loggedIn.status());
        JsonNode scope = loggedIn.json().get("scope");
        assertEquals("PACKAGE", scope.get("type").asText());
        assertEquals(packageId, scope.get("packageId").asText());
        assertFalse("no contract data in the scope: " + scope, scope.has("customerNumber") || scope.has("accountId"));
        String packageToken = loggedIn.json().get("token").asText();
        // any domain of the package, also in its Unicode form
        assertEquals(200, login("Zürich-" + suffix + ".de", PACKAGE_PASSWORD).status());
        assertProblem(login(domain, "wrong-password-123"), 401, "invalid-credentials");
        assertProblem(login("other-" + suffix + ".example", PACKAGE_PASSWORD), 401, "invalid-credentials");

        // the technical routes of its own package work ...
        JsonNode technical = http.get("/api/v1/me/packages/" + packageId + "/technical", packageToken).json();
        assertEquals("HOSTING", technical.get("type").asText());
        assertFalse(technical.toString(), technical.has("price") || technical.has("nextDueDate") || technical.has("accountId"));
        Http.Reply php = http.send("PUT", "/api/v1/me/packages/" + packageId + "/settings", Http.json(Map.of("phpVersion", "8.2")),
                "application/json", packageToken, Map.of());
        assertEquals(php.toString(), 200, php.status());
        assertEquals("8.2", php.json().get("phpVersion").asText());
        assertProblem(http.send("PUT", "/api/v1/me/packages/" + packageId + "/settings", Http.json(Map.of("phpVersion", "5.6",
                "spamFilter", "true")), "application/json", packageToken, Map.of()), 400, "validation");
        Http.Reply ns = http.send("PUT", "/api/v1/me/packages/" + packageId + "/domains/" + domainId,
                Http.json(Map.of("nameservers", List.of("ns1.example.net", "ns2.example.net"), "dnssec", true)), "application/json",
                packageToken, Map.of());
        assertEquals(ns.toString(), 200, ns.status());
        assertProblem(http.send("PUT", "/api/v1/me/packages/" + packageId + "/domains/" + domainId,
                Http.json(Map.of("nameservers", List.of("only-one.example.net"))), "application/json", packageToken, Map.of()), 400,
                "validation");
        Http.Reply app = http.post("/api/v1/me/packages/" + packageId + "/apps", Http.json(Map.of("name", "wordpress", "path", "/blog")),
                packageToken);
        assertEquals(app.toString(), 201, app.status());
        assertProblem(http.post("/api/v1/me/packages/" + packageId + "/apps", Http.json(Map.of("name", "wordpress", "path", "/blog")),
                packageToken), 409, "app-path-taken");
        assertProblem(http.post("/api/v1/me/packages/" + packageId + "/apps", Http.json(Map.of("name", "evilapp", "path", "/../etc")),
                packageToken), 400, "validation");

        // ... and nothing else: not the contract, not another package, not the account
        assertProblem(http.get("/api/v1/me/packages/" + packageId, packageToken), 403, "forbidden");
        assertProblem(http.get("/api/v1/me/packages", packageToken), 403, "forbidden");
        assertProblem(http.get("/api/v1/me/profile", packageToken), 403, "forbidden");
        assertProblem(http.get("/api/v1/me/packages/" + otherPackageId + "/technical", packageToken), 404, "package-not-found");
        assertProblem(http.post("/api/v1/me/packages/" + packageId + "/plan-changes", Http.json(Map.of("planCode", "x")), packageToken),
                403, "forbidden");

        // a new package password ends the sessions of the old one
        setPassword(packageId, "another-tech-pass-2026", 204);
        assertProblem(http.get("/api/v1/me/packages/" + packageId + "/technical", packageToken), 401, "unauthenticated");
        String renewed = loginToken(domain, "another-tech-pass-2026");
        assertEquals(204, http.send("DELETE", "/api/v1/me/packages/" + packageId + "/password", null, null, holderToken, Map.of())
                .status());
        assertProblem(http.get("/api/v1/me/packages/" + packageId + "/technical", renewed), 401, "unauthenticated");
        assertProblem(login(domain, "another-tech-pass-2026"), 401, "invalid-credentials");

        // a terminated package cannot be logged in to
        setPassword(packageId, PACKAGE_PASSWORD, 204);
        String beforeEnd = loginToken(domain, PACKAGE_PASSWORD);
        assertEquals(200, http.post("/api/v1/admin/packages/" + packageId + "/terminate", "", adminToken()).status());
        assertProblem(http.get("/api/v1/me/packages/" + packageId + "/technical", beforeEnd), 401, "unauthenticated");
        assertProblem(login(domain, PACKAGE_PASSWORD), 401, "invalid-credentials");
        setPassword(packageId, PACKAGE_PASSWORD, 422);
    }

    /**
     * The invariant, over every route of the running application: a package-scoped token answers 2xx only on
     * the technical routes of its own package (and logout); everything else is 403 or 404.
     */
    @Test
    public void aPackageTokenIsRefusedOnEveryRouteButItsPackagesTechnicalOnes() {
        setPassword(packageId, PACKAGE_PASSWORD, 204);
        String packageToken = loginToken(domain, PACKAGE_PASSWORD);
        List<String> walked = new ArrayList<>();
        int technical = 0;
        for (JsonNode route : routes()) {
            String kind = route.get("access").get("kind").asText();
            String method = route.get("method").asText();
            String template = route.get("path").asText();
            if ("PUBLIC".equals(kind) || template.equals("/api/v1/auth/logout")) {
                continue;
            }
            String path = template.replace("{domainId}", domainId).replace("{id}", template.startsWith("/api/v1/me/packages/")
                    ? packageId : UUID.randomUUID().toString()).replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            Http.Reply reply = http.send(method, path, method.equals("GET") || method.equals("DELETE") ? null : "{}",
                    method.equals("GET") || method.equals("DELETE") ? null : "application/json", packageToken, Map.of());
            if (reply.status() == 415) {
                // a route that takes another media type (a bank statement is XML): ask it in its own language
                reply = http.send(method, path, "<x/>", "application/xml", packageToken, Map.of());
            }
            if (reply.status() == 415) {
                // an upload (a document of a request): raw bytes
                reply = http.send(method, path, "%PDF-", "application/octet-stream", packageToken, Map.of());
            }
            walked.add(method + " " + template + " -> " + reply.status());
            if ("PACKAGE".equals(kind)) {
                technical++;
                assertTrue(method + " " + path + " " + reply, reply.status() != 401 && reply.status() != 403);
                if (method.equals("GET")) {
                    assertEquals(method + " " + path + " " + reply, 200, reply.status());
                }
                if (template.startsWith("/api/v1/me/packages/{id}")) {
                    String other = template.replace("{domainId}", domainId).replace("{id}", otherPackageId)
                            .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                    Http.Reply foreign = http.send(method, other, method.equals("GET") || method.equals("DELETE") ? null : "{}",
                            method.equals("GET") || method.equals("DELETE") ? null : "application/json", packageToken, Map.of());
                    assertEquals(method + " " + other + " " + foreign, 404, foreign.status());
                }
            } else {
                assertTrue(method + " " + path + " " + reply, reply.status() == 403 || reply.status() == 404);
                assertFalse(method + " " + path + " " + reply, reply.status() >= 200 && reply.status() < 300);
            }
        }
        assertTrue(walked.toString(), technical >= 7);
        assertTrue(walked.toString(), walked.size() > 40);
        assertEquals(204, http.post("/api/v1/auth/logout", "", packageToken).status());
    }

    /** Customer B gets 404 on every package route with customer A's package id, whatever the method or body. */
    @Test
    public void anotherAccountGetsNotFoundOnEveryPackageRoute() {
        String email = uniqueEmail();
        createCustomer("Berta", email, "berta-password-1");
        String otherToken = loginToken(email, "berta-password-1");
        int checked = 0;
        for (JsonNode route : routes()) {
            String method = route.get("method").asText();
            String template = route.get("path").asText();
            if (!template.startsWith("/api/v1/me/packages/{id}")) {
                continue;
            }
            String path = template.replace("{domainId}", domainId).replace("{id}", packageId)
                    .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            Http.Reply reply = http.send(method, path, method.equals("GET") || method.equals("DELETE") ? null : "{}",
                    method.equals("GET") || method.equals("DELETE") ? null : "application/json", otherToken, Map.of());
            assertProblem(reply, 404, "package-not-found");
            checked++;
        }
        assertTrue("package routes walked: " + checked, checked >= 15);
    }

    private JsonNode routes() {
        Http.Reply reply = http.get("/api/v1/admin/routes", adminToken());
        assertEquals(reply.toString(), 200, reply.status());
        return reply.json().get("routes");
    }
}
