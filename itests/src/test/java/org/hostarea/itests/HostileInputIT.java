package org.hostarea.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.inject.Inject;
import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.junit.Test;
import org.ops4j.pax.exam.util.Filter;

/**
 * Hostile input on every route that reads a JSON body, found through the route inventory (a route whose body is not
 * JSON, or that reads none, is recognised by its answer to a top-level array and left to the sweeps that cover it):
 * wrong top-level types, nesting past the limit, trailing and duplicate keys, bytes that are not UTF-8, a body over the
 * size limit, numbers too long, and jqwik-generated objects whose values carry SQL and JPQL metacharacters, CR/LF, template
 * syntax, huge strings and arrays, deep arrays, negative and over-precise money, always with a field no route knows.
 * Every answer is a 4xx problem+json, never a 5xx, and no domain table gains or loses a row.
 */
public class HostileInputIT extends SweepSupport {

    /** Tables that legitimately move while hostile requests are refused (the security log, throttles, sessions, jobs). */
    private static final Set<String> ACTIVITY = Set.of("HA_SECURITY_EVENT", "HA_LOGIN_THROTTLE", "HA_SESSION", "HA_JOB_RUN",
            "HA_JOB_LEASE");
    private static final int SAMPLES_PER_ROUTE = 12;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    @Filter("(osgi.unit.name=contacts)")
    JpaTemplate unit;

    @Test
    public void everyJsonRouteRefusesHostileBodiesWithAProblemAndStoresNothing() throws Exception {
        // jqwik finds its engine through ServiceLoader with the thread's context class loader: in OSGi, that is the API
        // bundle's (the engine is its fragment)
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Arbitraries.class.getClassLoader());
        try {
            sweep();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private void sweep() throws Exception {
        String staff = adminToken();
        Map<String, Long> before = rowCounts();
        List<String> failures = new ArrayList<>();
        Set<String> jsonRoutes = new TreeSet<>();
        int generated = 0;
        Arbitrary<Map<String, Object>> bodies = hostileObjects();
        for (JsonNode route : http.get("/api/v1/admin/routes", staff).json().get("routes")) {
            String method = route.get("method").asText();
            String template = route.get("path").asText();
            String kind = route.get("access").get("kind").asText();
            if (!method.equals("POST") && !method.equals("PUT") || template.endsWith("/logout")) {
                continue;
            }
            String token = switch (kind) {
                case "PUBLIC" -> null;
                case "STAFF" -> staff;
                default -> tokenA;
            };
            // does it read a JSON body? A top-level array is a 400 for every JSON body this API takes
            Http.Reply probe = http.send(method, random(template), "[]", "application/json", token, Map.of());
            if (probe.status() != 400) {
                continue;
            }
            String path = "STAFF".equals(kind) || "PUBLIC".equals(kind) ? random(template) : ofA(template, new TreeSet<>());
            if (path == null) {
                continue; // no fixture: the sweep names it
            }
            String name = method + " " + template;
            jsonRoutes.add(name);
            for (Map.Entry<String, byte[]> hostile : fixedCases().entrySet()) {
                check(name + " [" + hostile.getKey() + "]", http.sendBytes(method, path, hostile.getValue(), "application/json", token),
                        failures);
            }
            for (Map<String, Object> body : bodies.sampleStream().limit(SAMPLES_PER_ROUTE).toList()) {
                generated++;
                String json = JSON.writeValueAsString(body);
                check(name + " " + (json.length() > 300 ? json.substring(0, 300) + "..." : json), http.send(method, path, json,
                        "application/json", token, Map.of()), failures);
            }
        }
        assertTrue(String.join("\n", failures), failures.isEmpty());
        assertTrue("JSON routes: " + jsonRoutes, jsonRoutes.size() > 50);
        assertEquals(jsonRoutes.size() * SAMPLES_PER_ROUTE, generated);
        // what the limits answer, on one route in full
        Map<String, byte[]> cases = fixedCases();
        Http.Reply large = http.sendBytes("PUT", "/api/v1/me/profile", cases.get("over the size limit"), "application/json", tokenA);
        PlatformIT.assertProblem(large, 413, "payload-too-large");
        PlatformIT.assertProblem(http.sendBytes("PUT", "/api/v1/me/profile", cases.get("invalid UTF-8"), "application/json", tokenA), 400,
                "malformed-json");
        PlatformIT.assertProblem(http.sendBytes("PUT", "/api/v1/me/profile", cases.get("nested 40 deep"), "application/json", tokenA), 400,
                "input-limits");
        assertEquals("rows stored by refused requests", before, rowCounts());
    }

    /** Answers a refusal must have: 4xx, a problem document. */
    private static void check(String what, Http.Reply reply, List<String> failures) {
        String type = reply.contentType() == null ? "" : reply.contentType();
        if (reply.status() < 400 || reply.status() >= 500 || !type.startsWith("application/problem+json")) {
            failures.add(what + " -> " + (reply.toString().length() > 400 ? reply.toString().substring(0, 400) : reply));
        }
    }

    /** Bodies no JSON route may take, whatever its fields. */
    private static Map<String, byte[]> fixedCases() {
        Map<String, byte[]> cases = new LinkedHashMap<>();
        cases.put("array", bytes("[]"));
        cases.put("string", bytes("\"text\""));
        cases.put("number", bytes("42"));
        cases.put("nested 40 deep", bytes("{\"a\":".repeat(40) + "1" + "}".repeat(40)));
        cases.put("trailing tokens", bytes("{} {}"));
        cases.put("duplicate keys", bytes("{\"name\":\"a\",\"name\":\"b\"}"));
        cases.put("not JSON", bytes("name=a&email=b"));
        cases.put("number of 100 digits", bytes("{\"amount\":" + "9".repeat(100) + "}"));
        byte[] invalidUtf8 = bytes("{\"name\":\"xx\"}");
        invalidUtf8[10] = (byte) 0xC3;
        invalidUtf8[11] = (byte) 0x28; // a lead byte followed by a non-continuation byte
        cases.put("invalid UTF-8", invalidUtf8);
        cases.put("over the size limit", bytes("{\"name\":\"" + "x".repeat(1_100_000) + "\"}"));
        return cases;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** jqwik: objects of hostile values, each with at least one field no route knows (so every one must be refused). */
    private static Arbitrary<Map<String, Object>> hostileObjects() {
        Arbitrary<String> nasty = Arbitraries.oneOf(
                Arbitraries.of("' OR '1'='1", "\"; DROP TABLE HA_ACCOUNT; --", "x' UNION SELECT e FROM AccountEntity e WHERE '1'='1",
                        "%_\\", "{{7*7}}", "{{#each}}{{/each}}", "${jndi:ldap://x/a}", "<script>alert(1)</script>", "a\r\nX-Injected: 1",
                        "\u0000", "\uD83D\uDE00", "../../etc/passwd", "null", ""),
                Arbitraries.strings().ofMinLength(0).ofMaxLength(40),
                Arbitraries.strings().withChars('a', 'Z', '\r', '\n').ofMinLength(5000).ofMaxLength(20000));
        Arbitrary<Object> money = Arbitraries.oneOf(
                Arbitraries.bigDecimals().between(new BigDecimal("-1000000"), new BigDecimal("-0.0001")).ofScale(4),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("1000")).ofScale(9),
                Arbitraries.of(new BigDecimal("1E+30"), new BigDecimal("-0"), new BigDecimal("0.00000000000000000001")));
        Arbitrary<Object> scalar = Arbitraries.oneOf(nasty.map(s -> (Object) s), money, Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.of(true, false).map(b -> (Object) b), Arbitraries.just(null));
        Arbitrary<Object> array = scalar.list().ofMaxSize(2000).map(list -> (Object) list);
        Arbitrary<Object> deepArray = Arbitraries.integers().between(1, 20).map(depth -> {
            Object value = "deep";
            for (int i = 0; i < depth; i++) {
                value = List.of(value);
            }
            return value;
        });
        Arbitrary<Object> value = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, scalar), net.jqwik.api.Tuple.of(2, array),
                net.jqwik.api.Tuple.of(1, deepArray));
        Arbitrary<String> knownNames = Arbitraries.of("name", "email", "password", "amount", "currency", "type", "payload", "comment",
                "gateway", "permissions", "accountId", "lines", "token", "role", "planCode", "street", "iban", "invoiceIds");
        Arbitrary<Map<String, Object>> fields = Arbitraries.maps(Arbitraries.oneOf(knownNames, nasty.filter(s -> !s.isEmpty())), value)
                .ofMaxSize(6);
        return Combinators.combine(fields, nasty.filter(s -> s.length() < 100)).as((map, unknown) -> {
            Map<String, Object> body = new LinkedHashMap<>(map);
            body.put("zz-unknown-" + Integer.toHexString(unknown.hashCode()), unknown);
            return body;
        });
    }

    /** The HA_ tables, from Derby's catalog or else PostgreSQL's information schema, in upper case. */
    private static List<?> tables(EntityManager em) {
        try {
            return em.createNativeQuery("select tablename from sys.systables where tabletype = 'T' and tablename like 'HA\\_%' escape '\\'")
                    .getResultList();
        } catch (PersistenceException notDerby) {
            return em.createNativeQuery("select upper(table_name) from information_schema.tables where table_schema = current_schema()"
                    + " and table_type = 'BASE TABLE' and upper(table_name) like 'HA\\_%' escape '\\'").getResultList();
        }
    }

    /** Rows per HA_ table (Derby's catalog), but the activity tables. */
    private Map<String, Long> rowCounts() {
        return unit.txExpr(TransactionType.Supports, em -> {
            Map<String, Long> counts = new TreeMap<>();
            for (Object table : tables(em)) {
                String name = table.toString();
                if (!ACTIVITY.contains(name)) {
                    counts.put(name, ((Number) em.createNativeQuery("select count(*) from " + name).getSingleResult()).longValue());
                }
            }
            return counts;
        });
    }
}
