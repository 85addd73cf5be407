package org.hostarea.itests;

import static org.hostarea.itests.PlatformIT.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import org.hostarea.core.Money;
import org.hostarea.packages.PackageEvent;
import org.hostarea.packages.PackageListener;
import org.hostarea.packages.PackageService;
import org.hostarea.packages.RenewalDue;
import org.hostarea.packages.spi.PlanChangeCharger;
import org.hostarea.packages.spi.ProratedCharge;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.ServiceRegistration;

/**
 * The catalog and the customers' packages over REST: staff CRUD of plans, packages with domains (unique under
 * concurrency, IDN), upgrades with a prorated charge and downgrades at the end of the term (only to allowed
 * plans, never both of two concurrent changes), cancellation, quota suspension and the shell commands.
 */
public class PackagesIT extends HostareaTestSupport {

    private static final Pattern VERIFY_LINK = Pattern.compile("verify-email\\?token=([A-Za-z0-9_-]{43})");

    @Inject
    PackageService packages;

    private final Mailbox mailbox = new Mailbox(SMTP_PORT);
    private String suffix;
    private String email;
    private String token;
    private String accountId;
    private String customerNumber;

    @Before
    public void setUp() {
        installFeature("hostarea-notify-email");
        mailbox.start();
        suffix = unique();
        email = uniqueEmail();
        JsonNode account = createCustomer("Paula Packages", email, "paula-password-1");
        accountId = account.get("id").asText();
        customerNumber = account.get("customerNumber").asText();
        token = loginToken(email, "paula-password-1");
    }

    @After
    public void tearDown() {
        mailbox.stop();
    }

    @Test
    public void staffManageTheCatalogAndThePublicSeesActivePlans() {
        String premium = createPlan("premium-" + suffix, "HOSTING", "19.90", Map.of("diskMb", 50_000L), List.of(), List.of());
        String basic = createPlan("basic-" + suffix, "HOSTING", "9.90", Map.of("diskMb", 10_000L), List.of("premium-" + suffix),
                List.of());

        JsonNode publicPlan = http.get("/api/v1/catalog/basic-" + suffix, null).json();
        assertEquals("HOSTING", publicPlan.get("type").asText());
        assertAmount("9.90", publicPlan.get("prices").get(0).get("amount"));
        assertEquals("premium-" + suffix, publicPlan.get("upgradesTo").get(0).asText());
        assertTrue(codes(http.get("/api/v1/catalog", null).json()).contains("premium-" + suffix));

        // withdrawn: gone from the public catalog, still there for staff
        Map<String, Object> withdrawn = plan("premium-" + suffix, "HOSTING", "19.90", Map.of(), List.of(), List.of());
        withdrawn.put("active", false);
        assertEquals(200, http.send("PUT", "/api/v1/admin/catalog/plans/" + premium, Http.json(withdrawn), "application/json",
                adminToken(), Map.of()).status());
        assertFalse(codes(http.get("/api/v1/catalog", null).json()).contains("premium-" + suffix));
        assertProblem(http.get("/api/v1/catalog/premium-" + suffix, null), 404, "plan-not-found");
        assertTrue(codes(http.get("/api/v1/admin/catalog/plans", adminToken()).json()).contains("premium-" + suffix));

        // bad input: every bad field named, nothing stored
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("code", "Bad Code!");
        bad.put("type", "HOSTING");
        bad.put("names", Map.of("fr", "Plan"));
        bad.put("prices", List.of(Map.of("cycle", "MONTHLY", "currency", "EUR", "amount", -1),
                Map.of("cycle", "MONTHLY", "currency", "EURO", "amount", 1)));
        bad.put("limits", Map.of("diskMb", -5));
        bad.put("upgradesTo", List.of("no-such-plan-" + suffix));
        Http.Reply refused = http.post("/api/v1/admin/catalog/plans", Http.json(bad), adminToken());
        assertProblem(refused, 400, "validation");
        String fields = refused.json().get("errors").toString();
        for (String field : new String[] {"code", "names.en", "names.fr", "prices[0].amount", "prices[1].currency", "limits.diskMb"}) {
            assertTrue(field + " in " + fields, fields.contains("\"" + field + "\""));
        }
        Http.Reply unknownTarget = http.post("/api/v1/admin/catalog/plans", Http.json(plan("other-" + suffix, "HOSTING", "1.00",
                Map.of(), List.of("no-such-plan-" + suffix), List.of())), adminToken());
        assertProblem(unknownTarget, 400, "validation");
        assertTrue(unknownTarget.body().contains("upgradesTo[0]"));
        assertProblem(http.post("/api/v1/admin/catalog/plans", Http.json(plan("basic-" + suffix, "HOSTING", "1.00", Map.of(),
                List.of(), List.of())), adminToken()), 409, "plan-code-taken");
        assertProblem(http.get("/api/v1/catalog/other-" + suffix, null), 404, "plan-not-found");

        // only ADMIN changes the catalog; customers not at all
        assertProblem(http.post("/api/v1/admin/catalog/plans", Http.json(plan("x-" + suffix, "HOSTING", "1.00", Map.of(), List.of(),
                List.of())), token), 403, "forbidden");

        // a plan in use cannot be deleted; an unused one can
        createPackage(accountId, "basic-" + suffix, "ANNUAL", List.of("in-use-" + suffix + ".com"));
        assertProblem(http.send("DELETE", "/api/v1/admin/catalog/plans/" + basic, null, null, adminToken(), Map.of()), 409,
                "plan-in-use");
        String unused = createPlan("unused-" + suffix, "EMAIL", "1.00", Map.of(), List.of(), List.of());
        assertEquals(204, http.send("DELETE", "/api/v1/admin/catalog/plans/" + unused, null, null, adminToken(), Map.of()).status());
        assertProblem(http.get("/api/v1/admin/catalog/plans/" + unused, adminToken()), 404, "plan-not-found");

        String plans = shell("hostarea:plan-list --all");
        assertTrue(plans, plans.contains("basic-" + suffix) && plans.contains("premium-" + suffix));
    }

    @Test
    public void packagesHoldUniqueValidatedDomainsAndTheCustomerSeesOnlyTheirs() throws Exception {
        createPlan("web-" + suffix, "HOSTING", "9.90", Map.of("domains", 3L, "diskMb", 1000L), List.of(), List.of());
        JsonNode pkg = createPackage(accountId, "web-" + suffix, "ANNUAL", List.of("Shop-" + suffix + ".example", "münchen-" + suffix + ".de"));
        String id = pkg.get("id").asText();
        assertEquals("ACTIVE", pkg.get("status").asText());
        assertEquals(LocalDate.parse(pkg.get("startDate").asText()).plusYears(1).toString(), pkg.get("nextDueDate").asText());
        JsonNode idn = pkg.get("domains").get(1);
        assertTrue(idn.toString(), idn.get("name").asText().startsWith("xn--mnchen-"));
        assertEquals("münchen-" + suffix + ".de", idn.get("displayName").asText());
        assertEquals("shop-" + suffix + ".example", pkg.get("domains").get(0).get("name").asText());
        assertEquals(2, resource(pkg, "domains").get("used").asLong());
        assertEquals(3, resource(pkg, "domains").get("limit").asLong());

        JsonNode mine = http.get("/api/v1/me/packages", token).json();
        assertEquals(1, mine.get("total").asInt());
        assertEquals(id, mine.get("items").get(0).get("id").asText());
        assertAmount("9.90", http.get("/api/v1/me/packages/" + id, token).json().get("price").get("amount"));
        assertEquals(2, http.get("/api/v1/me/domains", token).json().get("total").asInt());

        // bad input changes nothing
        assertProblem(http.post("/api/v1/me/packages/" + id + "/domains", Http.json(Map.of("name", "not a domain")), token), 400,
                "validation");
        assertProblem(http.post("/api/v1/me/packages/" + id + "/domains", Http.json(Map.of("name", "shop-" + suffix + ".EXAMPLE.")),
                token), 409, "domain-taken");
        Map<String, Object> unknownPlan = newPackage(accountId, "no-plan-" + suffix, "ANNUAL", List.of("x-" + suffix + ".com"));
        Http.Reply refused = http.post("/api/v1/admin/packages", Http.json(unknownPlan), adminToken());
        assertProblem(refused, 400, "validation");
        assertTrue(refused.body().contains("planCode"));
        assertProblem(http.post("/api/v1/admin/packages", Http.json(newPackage(accountId, "web-" + suffix, "QUARTERLY",
                List.of("y-" + suffix + ".com"))), adminToken()), 400, "validation"); // no quarterly price
        assertEquals(2, http.get("/api/v1/me/domains", token).json().get("total").asInt());

        // the plan's domain limit
        assertEquals(201, http.post("/api/v1/me/packages/" + id + "/domains", Http.json(Map.of("name", "third-" + suffix + ".com")),
                token).status());
        assertProblem(http.post("/api/v1/me/packages/" + id + "/domains", Http.json(Map.of("name", "fourth-" + suffix + ".com")),
                token), 422, "domain-limit");

        // concurrent claims of one new domain by two accounts' packages: exactly one wins
        String otherEmail = uniqueEmail();
        String otherAccount = createCustomer("Other", otherEmail, "other-password-1").get("id").asText();
        String otherToken = loginToken(otherEmail, "other-password-1");
        String otherId = createPackage(otherAccount, "web-" + suffix, "ANNUAL", List.of()).get("id").asText();
        String mineTwo = createPackage(accountId, "web-" + suffix, "ANNUAL", List.of()).get("id").asText();
        String contested = "contested-" + suffix + ".com";
        List<Callable<Integer>> claims = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            claims.add(() -> http.post("/api/v1/me/packages/" + otherId + "/domains", Http.json(Map.of("name", contested)), otherToken)
                    .status());
            claims.add(() -> http.post("/api/v1/me/packages/" + mineTwo + "/domains", Http.json(Map.of("name", contested)), token)
                    .status());
            claims.add(() -> http.post("/api/v1/admin/packages", Http.json(newPackage(accountId, "web-" + suffix, "ANNUAL",
                    List.of(contested))), adminToken()).status());
        }
        List<Integer> statuses = runAll(claims);
        assertEquals(statuses.toString(), 1, statuses.stream().filter(s -> s == 201).count());
        assertEquals(statuses.toString(), statuses.size() - 1, statuses.stream().filter(s -> s == 409).count());

        // another account's package is not found, whatever the route
        assertProblem(http.get("/api/v1/me/packages/" + id, otherToken), 404, "package-not-found");
        assertProblem(http.post("/api/v1/me/packages/" + id + "/domains", Http.json(Map.of("name", "steal-" + suffix + ".com")),
                otherToken), 404, "package-not-found");
    }

    @Test
    public void upgradesChargeProratedNowDowngradesWaitForTheEndOfTheTermAndOnlyToAllowedPlans() throws Exception {
        String big = "big-" + suffix;
        String small = "small-" + suffix;
        String mid = "mid-" + suffix;
        createPlan(big, "HOSTING", "240.00", Map.of("diskMb", 100_000L), List.of(), List.of());
        createPlan(small, "HOSTING", "60.00", Map.of("diskMb", 1_000L), List.of(), List.of());
        createPlan(mid, "HOSTING", "120.00", Map.of("diskMb", 10_000L), List.of(big), List.of(small));
        JsonNode pkg = createPackage(accountId, mid, "ANNUAL", List.of("plans-" + suffix + ".com"));
        String id = pkg.get("id").asText();
        String changes = "/api/v1/me/packages/" + id + "/plan-changes";

        // not allowed / unknown / unchanged: clear problems, nothing changed
        createPlan("other-" + suffix, "HOSTING", "10.00", Map.of(), List.of(), List.of());
        assertProblem(http.post(changes, Http.json(Map.of("planCode", "other-" + suffix)), token), 422, "plan-change-not-allowed");
        assertProblem(http.post(changes, Http.json(Map.of("planCode", "nope-" + suffix)), token), 400, "validation");
        assertProblem(http.post(changes, Http.json(Map.of("planCode", mid)), token), 409, "plan-unchanged");
        assertEquals(0, http.get(changes, token).json().size());

        // a downgrade is scheduled for the end of the term; a second change waits for it to be revoked
        JsonNode down = http.post(changes, Http.json(Map.of("planCode", small)), token).json();
        assertEquals("SCHEDULED", down.get("status").asText());
        assertEquals(pkg.get("nextDueDate").asText(), down.get("effectiveOn").asText());
        assertEquals(mid, http.get("/api/v1/me/packages/" + id, token).json().get("planCode").asText());
        assertProblem(http.post(changes, Http.json(Map.of("planCode", big)), token), 409, "plan-change-pending");
        assertEquals(204, http.send("DELETE", changes + "/scheduled", null, null, token, Map.of()).status());
        assertProblem(http.send("DELETE", changes + "/scheduled", null, null, token, Map.of()), 404, "no-scheduled-change");

        // concurrent upgrades: exactly one applies and is charged once (the term started today: the whole difference)
        List<Callable<Integer>> upgrades = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            upgrades.add(() -> http.post(changes, Http.json(Map.of("planCode", big)), token).status());
        }
        List<Integer> statuses = runAll(upgrades);
        assertEquals(statuses.toString(), 1, statuses.stream().filter(s -> s == 200).count());
        assertEquals(statuses.toString(), 5, statuses.stream().filter(s -> s == 409).count());
        JsonNode history = http.get(changes, token).json();
        long applied = 0;
        for (JsonNode change : history) {
            if ("APPLIED".equals(change.get("status").asText())) {
                applied++;
                assertEquals("UPGRADE", change.get("kind").asText());
                assertAmount("120.00", change.get("proratedCharge").get("amount"));
                assertEquals("CHARGED", change.get("chargeStatus").asText()); // billing took it in the same transaction
            }
        }
        assertEquals(history.toString(), 1, applied);
        assertEquals(big, http.get("/api/v1/me/packages/" + id, token).json().get("planCode").asText());
        // billing wrote one invoice for it: the prorated 120.00 plus tax
        JsonNode invoices = http.get("/api/v1/me/invoices", token).json();
        assertEquals(invoices.toString(), 1, invoices.get("total").asInt());
        JsonNode upgradeInvoice = invoices.get("items").get(0);
        assertTrue(upgradeInvoice.toString(), upgradeInvoice.get("lines").get(0).get("description").asText().startsWith("Upgrade " + mid));
        assertAmount("120.00", upgradeInvoice.get("net"));
        assertEquals(id, upgradeInvoice.get("lines").get(0).get("packageId").asText());
        mailbox.awaitTo(email, "Plan change");
    }

    @Test
    public void aRepeatedPlanChangeWithTheSameIdempotencyKeyAnswersTheFirst() {
        createPlan("to-" + suffix, "HOSTING", "20.00", Map.of(), List.of(), List.of());
        createPlan("from-" + suffix, "HOSTING", "10.00", Map.of(), List.of("to-" + suffix), List.of());
        String id = createPackage(accountId, "from-" + suffix, "ANNUAL", List.of()).get("id").asText();
        String changes = "/api/v1/me/packages/" + id + "/plan-changes";
        Map<String, String> key = Map.of("Idempotency-Key", "key-" + suffix);
        Http.Reply first = http.send("POST", changes, Http.json(Map.of("planCode", "to-" + suffix)), "application/json", token, key);
        Http.Reply again = http.send("POST", changes, Http.json(Map.of("planCode", "to-" + suffix)), "application/json", token, key);
        assertEquals(first.toString(), 200, first.status());
        assertEquals(again.toString(), 200, again.status());
        assertEquals(first.json().get("id"), again.json().get("id"));
        assertEquals(1, http.get(changes, token).json().size());
        assertProblem(http.send("POST", changes, Http.json(Map.of("planCode", "from-" + suffix)), "application/json", token, key),
                422, "idempotency-key-reused");
    }

    @Test
    public void dueDowngradesAndCancellationsApplyOnceOnTheirDay() {
        createPlan("lite-" + suffix, "HOSTING", "5.00", Map.of("diskMb", 100L), List.of(), List.of());
        createPlan("full-" + suffix, "HOSTING", "10.00", Map.of("diskMb", 1000L), List.of(), List.of("lite-" + suffix));
        JsonNode pkg = createPackage(accountId, "full-" + suffix, "MONTHLY", List.of("due-" + suffix + ".com"));
        String id = pkg.get("id").asText();
        LocalDate due = LocalDate.parse(pkg.get("nextDueDate").asText());
        recordUsage(id, Map.of("diskMb", 500L));
        assertEquals(200, http.post("/api/v1/me/packages/" + id + "/plan-changes", Http.json(Map.of("planCode", "lite-" + suffix)),
                token).status());

        shell("hostarea:packages-run --as-of " + due.minusDays(1));
        assertEquals("full-" + suffix, http.get("/api/v1/me/packages/" + id, token).json().get("planCode").asText());

        String onTheDay = shell("hostarea:packages-run --as-of " + due);
        assertTrue(onTheDay, onTheDay.matches("(?s).*Applied [1-9][0-9]* .*"));
        JsonNode after = http.get("/api/v1/me/packages/" + id, token).json();
        assertEquals("lite-" + suffix, after.get("planCode").asText());
        // the smaller plan's limit is exceeded by the recorded usage: suspended for quota
        assertEquals("SUSPENDED", after.get("status").asText());
        assertEquals("[\"QUOTA\"]", after.get("suspendReasons").toString());
        int events = http.get("/api/v1/admin/packages/" + id + "/events", adminToken()).json().size();
        shell("hostarea:packages-run --as-of " + due);
        assertEquals(events, http.get("/api/v1/admin/packages/" + id + "/events", adminToken()).json().size());
        assertEquals(1, http.get("/api/v1/me/packages/" + id + "/plan-changes", token).json().size());

        // end-of-term cancellation: revocable until it takes effect
        Http.Reply scheduled = http.post("/api/v1/me/packages/" + id + "/cancellation", Http.json(Map.of("reason", "moving")), token);
        assertEquals(scheduled.toString(), 200, scheduled.status());
        assertEquals("END_OF_TERM", scheduled.json().get("cancellation").get("mode").asText());
        assertProblem(http.post("/api/v1/me/packages/" + id + "/cancellation", Http.json(Map.of()), token), 409, "cancellation-scheduled");
        assertEquals(200, http.send("DELETE", "/api/v1/me/packages/" + id + "/cancellation", null, null, token, Map.of()).status());
        assertTrue(http.get("/api/v1/me/packages/" + id, token).json().get("cancellation").isNull());
        assertEquals(200, http.post("/api/v1/me/packages/" + id + "/cancellation", Http.json(Map.of()), token).status());
        String cancelDay = http.get("/api/v1/me/packages/" + id, token).json().get("cancellation").get("effectiveOn").asText();
        shell("hostarea:packages-run --as-of " + cancelDay);
        assertEquals("CANCELLED", http.get("/api/v1/me/packages/" + id, token).json().get("status").asText());
        assertProblem(http.send("DELETE", "/api/v1/me/packages/" + id + "/cancellation", null, null, token, Map.of()), 404,
                "no-cancellation");

        // immediate cancellation
        String other = createPackage(accountId, "full-" + suffix, "MONTHLY", List.of()).get("id").asText();
        JsonNode now = http.post("/api/v1/me/packages/" + other + "/cancellation", Http.json(Map.of("mode", "IMMEDIATE")), token).json();
        assertEquals("CANCELLED", now.get("status").asText());
        assertProblem(http.post("/api/v1/me/packages/" + other + "/cancellation", Http.json(Map.of("mode", "SOMETIME")), token), 400,
                "validation");
        JsonNode otherEvents = http.get("/api/v1/admin/packages/" + other + "/events", adminToken()).json();
        assertEquals("CANCELLED", otherEvents.get(otherEvents.size() - 1).get("type").asText());
    }

    @Test
    public void overQuotaSuspendsAndTellsTheTechnicalContactBackUnderUnsuspends() {
        createPlan("quota-" + suffix, "HOSTING", "5.00", Map.of("diskMb", 1000L, "mailboxes", 5L), List.of(), List.of());
        String id = createPackage(accountId, "quota-" + suffix, "ANNUAL", List.of("quota-" + suffix + ".com")).get("id").asText();
        String technical = "tech-" + suffix + "@example.org";
        Http.Reply contact = http.post("/api/v1/me/contacts", Http.json(Map.of("name", "Tech", "email", technical, "role", "TECHNICAL")),
                token);
        assertEquals(contact.toString(), 201, contact.status());
        Matcher link = VERIFY_LINK.matcher(Mailbox.text(mailbox.awaitTo(technical, "confirm")));
        assertTrue(link.find());
        assertEquals(204, http.post("/api/v1/contacts/verify", Http.json(Map.of("token", link.group(1))), null).status());

        // bad usage: nothing recorded
        assertProblem(http.send("PUT", "/api/v1/admin/packages/" + id + "/usage", Http.json(Map.of("diskMb", -1)), "application/json",
                adminToken(), Map.of()), 400, "validation");
        assertProblem(http.send("PUT", "/api/v1/admin/packages/" + id + "/usage", Http.json(Map.of("disk Mb", 1)), "application/json",
                adminToken(), Map.of()), 400, "validation");
        assertEquals(0, resource(http.get("/api/v1/me/packages/" + id, token).json(), "diskMb").get("used").asLong());

        JsonNode under = recordUsage(id, Map.of("diskMb", 900L, "mailboxes", 5L));
        assertEquals("ACTIVE", under.get("status").asText());
        JsonNode over = recordUsage(id, Map.of("diskMb", 1200L));
        assertEquals("SUSPENDED", over.get("status").asText());
        assertEquals("[\"QUOTA\"]", over.get("suspendReasons").toString());
        assertTrue(Mailbox.text(mailbox.awaitTo(technical, "over quota")).contains("diskMb 1200/1000"));

        // a staff suspension for another reason outlives the quota one
        assertEquals(200, http.post("/api/v1/admin/packages/" + id + "/suspend", Http.json(Map.of("reason", "ABUSE", "comment", "spam")),
                adminToken()).status());
        JsonNode back = recordUsage(id, Map.of("diskMb", 800L));
        assertEquals("SUSPENDED", back.get("status").asText());
        assertEquals("[\"ABUSE\"]", back.get("suspendReasons").toString());
        mailbox.awaitTo(technical, "back within its limits");
        String lifted = shell("hostarea:package-suspend -u -r ABUSE " + id);
        assertTrue(lifted, lifted.contains("is ACTIVE"));

        String listed = shell("hostarea:package-list " + customerNumber);
        assertTrue(listed, listed.contains(id) && listed.contains("quota-" + suffix + ".com"));
        String suspended = shell("hostarea:package-suspend -c test " + id);
        assertTrue(suspended, suspended.contains("SUSPENDED [ABUSE]"));
        JsonNode events = http.get("/api/v1/admin/packages/" + id + "/events", adminToken()).json();
        assertTrue(events.toString(), events.toString().contains("QUOTA: diskMb 1200/1000"));
    }

    /** Other bundles hear of status changes (listeners) and take upgrade charges (billing's SPI) as soon as they register. */
    @Test
    public void listenersHearOfChangesAndARegisteredChargerTakesTheUpgradeCharge() {
        List<PackageEvent> heard = new CopyOnWriteArrayList<>();
        List<ProratedCharge> charged = new CopyOnWriteArrayList<>();
        ServiceRegistration<PackageListener> listener = bundleContext.registerService(PackageListener.class, heard::add, null);
        // ranked above billing's own charger, which packages then binds instead
        java.util.Hashtable<String, Object> ranked = new java.util.Hashtable<>(Map.of(org.osgi.framework.Constants.SERVICE_RANKING, 100));
        ServiceRegistration<PlanChangeCharger> charger = bundleContext.registerService(PlanChangeCharger.class, charged::add, ranked);
        try {
            createPlan("gold-" + suffix, "HOSTING", "100.00", Map.of(), List.of(), List.of());
            createPlan("silver-" + suffix, "HOSTING", "40.00", Map.of(), List.of("gold-" + suffix), List.of());
            String id = createPackage(accountId, "silver-" + suffix, "ANNUAL", List.of()).get("id").asText();
            assertEquals(200, http.post("/api/v1/admin/packages/" + id + "/suspend", Http.json(Map.of("reason", "OTHER")), adminToken())
                    .status());
            assertEquals(200, http.post("/api/v1/admin/packages/" + id + "/unsuspend", Http.json(Map.of()), adminToken()).status());
            JsonNode upgrade = http.post("/api/v1/me/packages/" + id + "/plan-changes", Http.json(Map.of("planCode", "gold-" + suffix)),
                    token).json();
            assertEquals("CHARGED", upgrade.get("chargeStatus").asText());

            List<String> types = heard.stream().filter(e -> e.packageId().equals(id)).map(e -> e.type().name()).toList();
            assertEquals(List.of("CREATED", "SUSPENDED", "UNSUSPENDED", "PLAN_CHANGED"), types);
            assertEquals(1, charged.size());
            ProratedCharge charge = charged.get(0);
            assertEquals(upgrade.get("id").asText(), charge.planChangeId());
            assertEquals(Money.of("60.00", "EUR"), charge.amount());
            assertEquals(accountId, charge.accountId());
        } finally {
            listener.unregister();
            charger.unregister();
        }
    }

    // --- helpers -----------------------------------------------------------------------------------------

    /** Money is {@code {"amount": number, "currency"}} (or a bare amount): compared as decimals. */
    static void assertAmount(String expected, JsonNode money) {
        JsonNode amount = money.isObject() ? money.get("amount") : money;
        assertTrue(money + " has a number", amount != null && amount.isNumber());
        assertEquals(0, new java.math.BigDecimal(expected).compareTo(amount.decimalValue()));
    }


    private JsonNode recordUsage(String id, Map<String, Long> usage) {
        Http.Reply reply = http.send("PUT", "/api/v1/admin/packages/" + id + "/usage", Http.json(usage), "application/json",
                adminToken(), Map.of());
        assertEquals(reply.toString(), 200, reply.status());
        return reply.json();
    }

    private static JsonNode resource(JsonNode pkg, String name) {
        for (JsonNode resource : pkg.get("resources")) {
            if (resource.get("name").asText().equals(name)) {
                return resource;
            }
        }
        throw new AssertionError(name + " not in " + pkg);
    }

    private static List<String> codes(JsonNode plans) {
        List<String> codes = new ArrayList<>();
        plans.forEach(plan -> codes.add(plan.get("code").asText()));
        return codes;
    }

    static Map<String, Object> plan(String code, String type, String annualPrice, Map<String, Long> limits, List<String> upgrades,
            List<String> downgrades) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("code", code);
        plan.put("type", type);
        plan.put("names", Map.of("en", "Plan " + code, "es", "Plan " + code, "de", "Tarif " + code));
        plan.put("prices", List.of(Map.of("cycle", "ANNUAL", "currency", "EUR", "amount", new java.math.BigDecimal(annualPrice)),
                Map.of("cycle", "MONTHLY", "currency", "USD", "amount", new java.math.BigDecimal("1.00"))));
        plan.put("limits", limits);
        plan.put("upgradesTo", upgrades);
        plan.put("downgradesTo", downgrades);
        return plan;
    }

    /** Creates a plan (EUR yearly, USD monthly; monthly EUR for the monthly packages these tests make). */
    String createPlan(String code, String type, String price, Map<String, Long> limits, List<String> upgrades, List<String> downgrades) {
        Map<String, Object> plan = plan(code, type, price, limits, upgrades, downgrades);
        plan.put("prices", List.of(Map.of("cycle", "ANNUAL", "currency", "EUR", "amount", new java.math.BigDecimal(price)),
                Map.of("cycle", "MONTHLY", "currency", "EUR", "amount", new java.math.BigDecimal(price))));
        Http.Reply reply = http.post("/api/v1/admin/catalog/plans", Http.json(plan), adminToken());
        assertEquals(reply.toString(), 201, reply.status());
        return reply.json().get("id").asText();
    }

    static Map<String, Object> newPackage(String accountId, String planCode, String cycle, List<String> domains) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accountId", accountId);
        body.put("planCode", planCode);
        body.put("billingCycle", cycle);
        body.put("currency", "EUR");
        body.put("domains", domains);
        return body;
    }

    @Test
    public void dueForRenewalGivesTheSameDuePackagesWhateverTheChunkSize() {
        createPlan("due-" + suffix, "HOSTING", "5.00", Map.of("diskMb", 100L), List.of(), List.of());
        List<String> monthly = new ArrayList<>();
        List<String> annual = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            monthly.add(createPackage(accountId, "due-" + suffix, "MONTHLY", List.of()).get("id").asText());
            annual.add(createPackage(accountId, "due-" + suffix, "ANNUAL", List.of()).get("id").asText());
        }
        // every package of every test so far is in the table: chunks of 1 and 3 cross many windows without a due package
        LocalDate through = LocalDate.now().plusMonths(1).plusDays(1);
        List<RenewalDue> whole = walk(through, 10_000);
        assertEquals(whole, walk(through, 3));
        assertEquals(whole, walk(through, 1));
        List<String> ids = whole.stream().map(RenewalDue::packageId).toList();
        assertTrue(ids.toString(), ids.containsAll(monthly));
        assertTrue(ids.toString(), annual.stream().noneMatch(ids::contains));
        for (int i = 1; i < whole.size(); i++) {
            RenewalDue before = whole.get(i - 1);
            RenewalDue after = whole.get(i);
            int order = before.accountId().compareTo(after.accountId());
            assertTrue("in (account, id) order", order < 0 || order == 0 && before.packageId().compareTo(after.packageId()) < 0);
            assertFalse(after.periodStart().isAfter(through));
        }
    }

    /** Every due package, fetched the way the renewal job does: chunk after chunk from the last one's (account, id). */
    private List<RenewalDue> walk(LocalDate through, int chunk) {
        List<RenewalDue> all = new ArrayList<>();
        String account = null;
        String after = null;
        while (true) {
            List<RenewalDue> page = packages.dueForRenewal(through, account, after, chunk);
            assertTrue(page.size() <= chunk);
            if (page.isEmpty()) {
                return all;
            }
            all.addAll(page);
            account = page.get(page.size() - 1).accountId();
            after = page.get(page.size() - 1).packageId();
        }
    }

    JsonNode createPackage(String accountId, String planCode, String cycle, List<String> domains) {
        Http.Reply reply = http.post("/api/v1/admin/packages", Http.json(newPackage(accountId, planCode, cycle, domains)), adminToken());
        assertEquals(reply.toString(), 201, reply.status());
        return reply.json();
    }
}
