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
 * The access sweep, driven by the route inventory of the running application (a new route is swept the moment it is
 * deployed, and a new kind of path id fails this test until it has a fixture):
 * <ul>
 * <li>every route but the public ones: no token → 401;</li>
 * <li>staff routes: a customer's token → 403; customer and package routes: a staff token → 403;</li>
 * <li>customer and package routes that declare permissions: an invited user holding every other permission → 403;</li>
 * <li>customer and package routes with ids: another account's holder, with every id of account A's objects, gets exactly
 * the answer it gets for ids that do not exist (never 2xx, never 403): A's objects are invisible, not forbidden;</li>
 * <li>every answer carries {@code nosniff}, {@code no-store} and a charset on its JSON body.</li>
 * </ul>
 */
public class RouteSweepIT extends SweepSupport {

    @Test
    public void everyRouteRefusesEveryoneItIsNotFor() {
        String staff = adminToken();
        List<String> failures = new ArrayList<>();
        Set<String> unknownIds = new TreeSet<>();
        int swept = 0;
        int swapped = 0;
        int permissionChecks = 0;
        for (JsonNode route : http.get("/api/v1/admin/routes", staff).json().get("routes")) {
            String method = route.get("method").asText();
            String template = route.get("path").asText();
            String kind = route.get("access").get("kind").asText();
            String name = method + " " + template;
            swept++;
            if ("PUBLIC".equals(kind)) {
                headers(name, call(method, random(template), null), failures);
                continue;
            }
            Http.Reply anonymous = call(method, random(template), null);
            expect(name + " without a token", anonymous, 401, failures);
            headers(name, anonymous, failures);
            if ("STAFF".equals(kind)) {
                expect(name + " with a customer's token", call(method, random(template), tokenA), 403, failures);
                continue;
            }
            if (!"CUSTOMER".equals(kind) && !"PACKAGE".equals(kind)) {
                continue; // AUTHENTICATED: any subject (logout, ...)
            }
            String ofA = ofA(template, unknownIds);
            if (ofA == null) {
                continue;
            }
            expect(name + " with a staff token", call(method, ofA, staff), 403, failures);
            Set<Permission> needed = EnumSet.noneOf(Permission.class);
            route.get("access").get("permissions").forEach(p -> needed.add(Permission.valueOf(p.asText())));
            if (!needed.isEmpty()) {
                Http.Reply user = call(method, ofA, userWithout(needed));
                expect(name + " by a user without " + needed, user, 403, failures);
                if (user.status() == 403 && !"missing-permission".equals(user.problemType())) {
                    failures.add(name + " by a user without " + needed + ": " + user.problemType());
                }
                permissionChecks++;
            }
            if (!template.equals(ofA)) {
                Http.Reply foreign = call(method, ofA, tokenB);
                Http.Reply nowhere = call(method, random(template), tokenB);
                if (foreign.status() / 100 == 2 || foreign.status() == 403 || foreign.status() != nowhere.status()
                        || !problem(foreign).equals(problem(nowhere))) {
                    failures.add(name + " by another account: " + foreign + " (for ids that do not exist: " + nowhere + ")");
                }
                swapped++;
            }
        }
        assertTrue("path ids without a fixture (add one to RouteSweepIT.fixture): " + unknownIds, unknownIds.isEmpty());
        assertTrue(String.join("\n", failures), failures.isEmpty());
        System.out.println("route sweep: " + swept + " routes, " + swapped + " with A's ids, " + permissionChecks + " permission checks");
        assertTrue("routes swept: " + swept, swept > 140);
        assertTrue("id-swapped routes: " + swapped, swapped >= 40);
        assertTrue("permission checks: " + permissionChecks, permissionChecks >= 40);
    }

    // --- helpers -----------------------------------------------------------------------------------------

    private static void expect(String what, Http.Reply reply, int status, List<String> failures) {
        if (reply.status() != status) {
            failures.add(what + ": " + reply);
        }
    }

    private static void headers(String name, Http.Reply reply, List<String> failures) {
        if (!"nosniff".equals(reply.header("X-Content-Type-Options"))) {
            failures.add(name + ": no X-Content-Type-Options: nosniff");
        }
        if (!"DENY".equals(reply.header("X-Frame-Options")) || reply.header("Content-Security-Policy") == null
                || !reply.header("Content-Security-Policy").contains("default-src 'none'")) {
            failures.add(name + ": framing or content policy missing");
        }
        if (!name.startsWith("GET /api/v1/catalog") && !"no-store".equals(reply.header("Cache-Control"))) {
            failures.add(name + ": Cache-Control " + reply.header("Cache-Control"));
        }
        String type = reply.contentType();
        if (type != null && type.contains("json") && !type.toLowerCase().contains("charset=utf-8")) {
            failures.add(name + ": Content-Type " + type);
        }
    }

    private static String problem(Http.Reply reply) {
        try {
            return reply.problemType();
        } catch (AssertionError notJson) {
            return "";
        }
    }
}
