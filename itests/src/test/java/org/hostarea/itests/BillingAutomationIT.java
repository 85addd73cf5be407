package org.hostarea.itests;

import static org.hostarea.itests.PackagesIT.assertAmount;
import static org.hostarea.itests.PlatformIT.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import org.awaitility.Awaitility;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

/**
 * The billing jobs with a moved date ({@code asOf}): renewal invoices on day due−10 and not before, once per
 * package and period however often (and however concurrently) the job runs; overdue reminders once per
 * threshold, suspension after the grace period, unsuspension and renewal when paid; domain reminders once per
 * threshold and ON_HOLD after expiry; downgrades priced into the renewal; credit applied automatically.
 * <p>
 * The jobs act on every account. Each test works in its own year, far from the other tests' dates (their
 * packages start today), and the tests run oldest year first, so a later test's run never finds work of an
 * earlier one still to do on the days it asserts.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class BillingAutomationIT extends HostareaTestSupport {

    @javax.inject.Inject
    org.osgi.service.cm.ConfigurationAdmin configurationAdmin;

    private final String suffix = unique();

    @Test
    public void a_domainRemindersGoOutOncePerThresholdAndExpiredDomainsGoOnHoldUntilRenewed() {
        createPlan("dom-" + suffix, "DOMAIN", "12.00");
        String email = uniqueEmail();
        String accountId = createCustomer("Domain Holder", email, "domain-password-1").get("id").asText();
        String token = loginToken(email, "domain-password-1");
        JsonNode pkg = createPackage(accountId, "dom-" + suffix, "ANNUAL", LocalDate.parse("2016-06-01"),
                List.of("reminded-" + suffix + ".com"));
        assertEquals("2017-06-01", pkg.get("domains").get(0).get("expiresOn").asText());

        run("domain-reminders", "2017-04-01", false); // 61 days before: nothing yet
        assertEquals(0, messages(token, "billing.domain-renewal-reminder"));
        JsonNode dry = run("domain-reminders", "2017-04-02", true);
        assertTrue(dry.toString(), dry.get("items").toString().contains("would remind of reminded-" + suffix + ".com"));
        assertEquals(0, messages(token, "billing.domain-renewal-reminder"));

        run("domain-reminders", "2017-04-02", false); // 60 days
        run("domain-reminders", "2017-04-02", false);
        run("domain-reminders", "2017-04-15", false);
        assertEquals(1, messages(token, "billing.domain-renewal-reminder"));
        run("domain-reminders", "2017-05-02", false); // 30 days
        run("domain-reminders", "2017-05-20", false); // 12 days: the 14-day reminder
        run("domain-reminders", "2017-05-21", false);
        run("domain-reminders", "2017-05-26", false); // 6 days: the 7-day reminder
        run("domain-reminders", "2017-05-31", false);
        assertEquals(4, messages(token, "billing.domain-renewal-reminder"));
        JsonNode reminder = message(token, "billing.domain-renewal-reminder");
        assertTrue(reminder.toString(), reminder.get("text").asText().contains("2017-06-01"));

        // expired unrenewed: ON_HOLD, told once
        run("domain-reminders", "2017-06-01", false);
        assertEquals("ACTIVE", domain(token).get("status").asText());
        run("domain-reminders", "2017-06-02", false);
        run("domain-reminders", "2017-06-03", false);
        assertEquals("ON_HOLD", domain(token).get("status").asText());
        assertEquals(1, messages(token, "packages.domain-on-hold"));

        // renewed by paying the renewal invoice: the domain is back and expires a year later
        run("renewals", "2017-06-02", false);
        JsonNode invoice = onlyInvoice(accountId);
        assertEquals("2017-06-02", invoice.get("dueDate").asText()); // billed late: due at once
        assertAmount("14.52", invoice.get("total"));
        payFromCredit(accountId, token, invoice);
        await("domain renewed", () -> "ACTIVE".equals(domain(token).get("status").asText()));
        assertEquals("2018-06-01", domain(token).get("expiresOn").asText());
        assertEquals("2018-06-01", http.get("/api/v1/me/packages/" + pkg.get("id").asText(), token).json().get("nextDueDate").asText());
    }

    @Test
    public void b_overdueInvoicesAreRemindedThenSuspendTheirPackagesUntilPaid() {
        createPlan("od-" + suffix, "HOSTING", "10.00");
        String email = uniqueEmail();
        String accountId = createCustomer("Late Payer", email, "late-password-1").get("id").asText();
        String token = loginToken(email, "late-password-1");
        // a verified technical contact is told of the suspension with the owner
        installFeature("hostarea-notify-email");
        Mailbox mailbox = new Mailbox(SMTP_PORT);
        mailbox.start();
        String tech = "tech-" + suffix + "@example.org";
        try {
            assertEquals(201, http.post("/api/v1/me/contacts", Http.json(Map.of("name", "Tech Person", "email", tech, "role", "TECHNICAL")),
                    token).status());
            java.util.regex.Matcher link = java.util.regex.Pattern.compile("verify-email\\?token=([A-Za-z0-9_-]{43})")
                    .matcher(Mailbox.text(mailbox.awaitTo(tech, "Please confirm your email address")));
            assertTrue(link.find());
            assertEquals(204, http.post("/api/v1/contacts/verify", Http.json(Map.of("token", link.group(1))), null).status());
            overdueUntilPaid(accountId, email, token, tech, mailbox);
        } finally {
            mailbox.stop();
        }
    }

    private void overdueUntilPaid(String accountId, String email, String token, String tech, Mailbox mailbox) {
        String packageId = createPackage(accountId, "od-" + suffix, "MONTHLY", LocalDate.parse("2018-01-01"), List.of()).get("id").asText();

        run("renewals", "2018-01-22", false);
        JsonNode invoice = onlyInvoice(accountId);
        assertEquals("2018-02-01", invoice.get("dueDate").asText());

        run("overdue", "2018-02-01", false); // due today: not overdue
        assertEquals(0, messages(token, "billing.overdue-reminder"));
        run("overdue", "2018-02-02", false); // 1 day
        run("overdue", "2018-02-02", false);
        run("overdue", "2018-02-05", false);
        assertEquals(1, messages(token, "billing.overdue-reminder"));
        JsonNode dry = run("overdue", "2018-02-08", true);
        assertTrue(dry.toString(), dry.get("counts").get("reminders").asInt() >= 1);
        assertEquals(1, messages(token, "billing.overdue-reminder"));
        run("overdue", "2018-02-08", false); // 7 days
        assertEquals(2, messages(token, "billing.overdue-reminder"));
        run("overdue", "2018-02-15", false); // 14 days
        assertEquals(3, messages(token, "billing.overdue-reminder"));
        assertEquals("ACTIVE", pkg(token, packageId).get("status").asText());

        // the grace period (15 days) ends: suspended for OVERDUE, the owner and the technical contact told once
        run("overdue", "2018-02-16", false);
        run("overdue", "2018-02-17", false);
        JsonNode suspended = pkg(token, packageId);
        assertEquals("SUSPENDED", suspended.get("status").asText());
        assertEquals("[\"OVERDUE\"]", suspended.get("suspendReasons").toString());
        assertEquals(1, messages(token, "billing.overdue-suspended"));
        JsonNode told = message(token, "billing.overdue-suspended");
        assertTrue(told.toString(), told.get("recipients").toString().contains(email) && told.get("recipients").toString().contains(tech));
        mailbox.awaitTo(tech, "Services suspended");
        assertEquals(3, messages(token, "billing.overdue-reminder"));

        // paid: unsuspended at once and renewed for the paid month; the next month is billed next
        payFromCredit(accountId, token, invoice);
        await("unsuspended", () -> "ACTIVE".equals(pkg(token, packageId).get("status").asText()));
        await("renewed", () -> "2018-03-01".equals(pkg(token, packageId).get("nextDueDate").asText()));
        await("told", () -> messages(token, "billing.overdue-lifted") == 1);
        run("overdue", "2018-02-20", false);
        assertEquals("ACTIVE", pkg(token, packageId).get("status").asText());
        run("renewals", "2018-02-19", false);
        assertEquals(2, invoices(accountId).size());
        assertEquals("2018-03-01", invoices(accountId).get(0).get("dueDate").asText());
    }

    @Test
    public void c_renewalInvoicesAppearOnDayDueMinusTenOncePerPackageAndPeriod() throws Exception {
        createPlan("ren-" + suffix, "HOSTING", "10.00");
        String first = createCustomer("Two Packages", uniqueEmail(), null).get("id").asText();
        String second = createCustomer("One Package", uniqueEmail(), null).get("id").asText();
        LocalDate start = LocalDate.parse("2019-01-01");
        String p1 = createPackage(first, "ren-" + suffix, "MONTHLY", start, List.of()).get("id").asText();
        String p2 = createPackage(first, "ren-" + suffix, "MONTHLY", start, List.of()).get("id").asText();
        String p3 = createPackage(second, "ren-" + suffix, "MONTHLY", start, List.of()).get("id").asText();

        // day due−11: nothing; a dry run of day due−10 lists the invoices and creates none
        JsonNode early = run("renewals", "2019-01-21", false);
        assertEquals("COMPLETED", early.get("status").asText());
        assertEquals(0, invoices(first).size() + invoices(second).size());
        JsonNode dry = run("renewals", "2019-01-22", true);
        assertTrue(dry.toString(), dry.get("dryRun").asBoolean() && dry.get("items").toString().contains("would invoice " + first));
        assertEquals(0, invoices(first).size() + invoices(second).size());

        // day due−10: one invoice per account (both packages of the first share one), due when the term starts
        JsonNode real = run("renewals", "2019-01-22", false);
        assertTrue(real.toString(), real.get("counts").get("invoices").asInt() >= 2);
        List<JsonNode> shared = invoices(first);
        assertEquals(1, shared.size());
        assertEquals(2, shared.get(0).get("lines").size());
        assertEquals("2019-02-01", shared.get(0).get("dueDate").asText());
        assertEquals("UNPAID", shared.get(0).get("status").asText());
        assertAmount("24.20", shared.get(0).get("total")); // 2 × 10.00 + 21 % tax
        JsonNode line = shared.get(0).get("lines").get(0);
        assertEquals("2019-02-01", line.get("periodStart").asText());
        assertEquals("2019-02-28", line.get("periodEnd").asText());
        assertTrue(List.of(p1, p2).contains(line.get("packageId").asText()));
        assertEquals(1, invoices(second).size());
        assertEquals(p3, invoices(second).get(0).get("lines").get(0).get("packageId").asText());

        // again, later in the window, and twice at once: still one invoice per package and period
        JsonNode again = run("renewals", "2019-01-23", false);
        assertTrue(again.toString(), again.get("counts").get("already-billed").asInt() >= 3);
        List<Callable<Http.Reply>> both = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            both.add(() -> http.post("/api/v1/admin/jobs/renewals/run", Http.json(Map.of("asOf", "2019-01-24")), adminToken()));
        }
        for (Http.Reply reply : runAll(both)) {
            assertTrue(reply.toString(), reply.status() == 200 || reply.status() == 409 && "job-running".equals(reply.problemType()));
        }
        assertEquals(1, invoices(first).size());
        assertEquals(1, invoices(second).size());

        // a package starting later, billed by two concurrent daily runs: one invoice
        String third = createCustomer("Concurrent", uniqueEmail(), null).get("id").asText();
        createPackage(third, "ren-" + suffix, "MONTHLY", LocalDate.parse("2019-01-05"), List.of());
        List<Callable<Http.Reply>> daily = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            daily.add(() -> http.post("/api/v1/admin/jobs/renewals/run", Http.json(Map.of("asOf", "2019-01-26")), adminToken()));
        }
        int ran = 0;
        for (Http.Reply reply : runAll(daily)) {
            assertTrue(reply.toString(), reply.status() == 200 || reply.status() == 409 && "job-running".equals(reply.problemType()));
            ran += reply.status() == 200 ? 1 : 0;
        }
        assertTrue(ran >= 1);
        assertEquals(1, invoices(third).size());

        // the history shows every run with its counts; staff read it, customers do not
        JsonNode history = http.get("/api/v1/admin/jobs/runs?job=renewals&size=50", adminToken()).json();
        assertTrue(history.toString(), history.get("total").asInt() >= 5);
        JsonNode byId = http.get("/api/v1/admin/jobs/runs/" + real.get("id").asText(), adminToken()).json();
        assertEquals(real.get("counts"), byId.get("counts"));
        assertFalse(byId.get("endedAt").isNull());
        String customer = uniqueEmail();
        createCustomer("Curious", customer, "curious-password-1");
        String customerToken = loginToken(customer, "curious-password-1");
        assertProblem(http.get("/api/v1/admin/jobs", customerToken), 403, "forbidden");
        assertProblem(http.post("/api/v1/admin/jobs/renewals/run", Http.json(Map.of()), customerToken), 403, "forbidden");
        assertProblem(http.post("/api/v1/admin/jobs/renewals/run", Http.json(Map.of()), null), 401, "unauthenticated");
    }

    @Test
    public void d_theJobsApiRefusesBadInputAndTheShellRunsForADay() {
        assertProblem(http.post("/api/v1/admin/jobs/no-such-job/run", Http.json(Map.of()), adminToken()), 404, "job-not-found");
        Http.Reply bad = http.post("/api/v1/admin/jobs/renewals/run", Http.json(Map.of("asOf", "2019-02-30")), adminToken());
        assertProblem(bad, 400, "validation");
        assertTrue(bad.body(), bad.body().contains("\"asOf\""));
        assertProblem(http.get("/api/v1/admin/jobs/runs/no-such-run", adminToken()), 404, "job-run-not-found");
        assertProblem(http.post("/api/v1/admin/jobs/overdue/run", Http.json(Map.of("asOf", LocalDate.now().plusDays(2).toString())),
                adminToken()), 422, "as-of-in-future");
        JsonNode jobs = http.get("/api/v1/admin/jobs", adminToken()).json();
        List<String> names = new ArrayList<>();
        jobs.forEach(job -> names.add(job.get("name").asText()));
        assertEquals(List.of("daily", "reconcile", "settlement", "renewals", "domain-reminders", "overdue", "purge"), names);

        String out = shell("hostarea:billing-run --as-of 2015-01-01 --dry-run");
        assertTrue(out, out.contains("of daily for 2015-01-01 (dry run): COMPLETED"));
        assertTrue(out, out.contains("renewals: COMPLETED"));
        out = shell("hostarea:billing-run --as-of 2015-13-01 renewals");
        assertTrue(out, out.contains("--as-of must be a date"));
        out = shell("hostarea:billing-run --list");
        assertTrue(out, out.contains("domain-reminders") && out.contains("last: 2015-01-01"));
    }

    @Test
    public void e_aScheduledDowngradePricesTheNextRenewalAndCreditPaysItAutomatically() throws Exception {
        String small = "small-" + suffix;
        createPlan(small, "HOSTING", "4.00");
        createPlan("big-" + suffix, "HOSTING", "10.00", List.of(), List.of(small));
        String email = uniqueEmail();
        String accountId = createCustomer("Downgrader", email, "down-password-1").get("id").asText();
        String token = loginToken(email, "down-password-1");
        // due in five days (dates around today: a downgrade takes effect at the end of today's term)
        LocalDate today = LocalDate.now();
        LocalDate due = today.plusDays(5);
        String packageId = createPackage(accountId, "big-" + suffix, "MONTHLY", due.minusMonths(1), List.of()).get("id").asText();
        assertEquals(due.toString(), pkg(token, packageId).get("nextDueDate").asText());
        Http.Reply scheduled = http.post("/api/v1/me/packages/" + packageId + "/plan-changes", Http.json(Map.of("planCode", small)), token);
        assertEquals(scheduled.toString(), 200, scheduled.status());
        assertEquals(due.toString(), scheduled.json().get("effectiveOn").asText());
        assertEquals(201, http.post("/api/v1/admin/credit", Http.json(Map.of("accountId", accountId, "currency", "EUR", "amount", 100)),
                adminToken()).status());

        withAutomaticCredit(() -> {
            run("renewals", due.minusDays(10).toString(), false);
            JsonNode invoice = onlyInvoice(accountId);
            assertAmount("4.84", invoice.get("total")); // the small plan's price: 4.00 + 21 %
            assertTrue(invoice.get("lines").get(0).get("description").asText().contains(small));
            assertEquals("PAID", invoice.get("status").asText());
            assertAmount("95.16", http.get("/api/v1/me/credit", token).json().get(0).get("balance"));
            await("renewed from credit", () -> due.plusMonths(1).toString().equals(pkg(token, packageId).get("nextDueDate").asText()));
        });
    }

    @Test
    public void f_packagesTakenOverAreNotBilledForThePastAndCancelledRenewalsBillAgainUnlessThePackageEnded() {
        createPlan("end-" + suffix, "HOSTING", "8.00");
        String accountId = createCustomer("Ending", uniqueEmail(), null).get("id").asText();
        // taken over mid-contract without a due date: the terms before today count as settled. On an account of its own:
        // its next month end may fall within the renewal window of the runs below (on the 23rd of a 30-day month)
        String importedAccountId = createCustomer("Taken Over", uniqueEmail(), null).get("id").asText();
        Map<String, Object> imported = PackagesIT.newPackage(importedAccountId, "end-" + suffix, "MONTHLY", List.of());
        imported.put("startDate", "2020-01-31");
        Http.Reply created = http.post("/api/v1/admin/packages", Http.json(imported), adminToken());
        assertEquals(created.toString(), 201, created.status());
        LocalDate importedDue = LocalDate.parse(created.json().get("nextDueDate").asText());
        assertTrue(importedDue.toString(), importedDue.isAfter(LocalDate.now()) && !importedDue.isAfter(LocalDate.now().plusMonths(1)));
        assertEquals("month ends do not drift", Math.min(31, importedDue.lengthOfMonth()), importedDue.getDayOfMonth());
        imported.put("nextDueDate", "2020-01-01");
        assertProblem(http.post("/api/v1/admin/packages", Http.json(imported), adminToken()), 400, "validation");

        // due in five days: billed now; staff cancel the invoice, the next run bills the term again
        LocalDate due = LocalDate.now().plusDays(5);
        String packageId = createPackage(accountId, "end-" + suffix, "MONTHLY", due.minusMonths(1), List.of()).get("id").asText();
        run("renewals", due.minusDays(10).toString(), false);
        JsonNode first = onlyInvoice(accountId);
        assertEquals(packageId, first.get("lines").get(0).get("packageId").asText());
        assertEquals(200, http.post("/api/v1/admin/invoices/" + first.get("id").asText() + "/cancel", Http.json(Map.of("reason", "wrong")),
                adminToken()).status());
        run("renewals", due.minusDays(9).toString(), false);
        List<JsonNode> both = invoices(accountId);
        assertEquals(2, both.size());
        assertEquals("UNPAID", both.get(0).get("status").asText());
        assertEquals("CANCELLED", both.get(1).get("status").asText());

        // the package ends before that term: its unpaid renewal is cancelled, and no run bills it again
        assertEquals(200, http.post("/api/v1/admin/packages/" + packageId + "/terminate", "", adminToken()).status());
        await("renewal of the ended package cancelled", () -> "CANCELLED".equals(http.get("/api/v1/admin/invoices/"
                + both.get(0).get("id").asText(), adminToken()).json().get("status").asText()));
        run("renewals", due.minusDays(8).toString(), false);
        assertEquals(2, invoices(accountId).size());
    }

    // --- helpers -----------------------------------------------------------------------------------------

    private JsonNode run(String job, String asOf, boolean dryRun) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("asOf", asOf);
        body.put("dryRun", dryRun);
        Http.Reply reply = http.post("/api/v1/admin/jobs/" + job + "/run", Http.json(body), adminToken());
        assertEquals(reply.toString(), 200, reply.status());
        assertEquals(reply.toString(), "COMPLETED", reply.json().get("status").asText());
        assertEquals(reply.toString(), 0, reply.json().get("errorCount").asInt());
        return reply.json();
    }

    private void createPlan(String code, String type, String price) {
        createPlan(code, type, price, List.of(), List.of());
    }

    private void createPlan(String code, String type, String price, List<String> upgrades, List<String> downgrades) {
        Map<String, Object> plan = PackagesIT.plan(code, type, price, Map.of(), upgrades, downgrades);
        plan.put("prices", List.of(Map.of("cycle", "ANNUAL", "currency", "EUR", "amount", new BigDecimal(price)),
                Map.of("cycle", "MONTHLY", "currency", "EUR", "amount", new BigDecimal(price))));
        Http.Reply reply = http.post("/api/v1/admin/catalog/plans", Http.json(plan), adminToken());
        assertEquals(reply.toString(), 201, reply.status());
    }

    private JsonNode createPackage(String accountId, String planCode, String cycle, LocalDate start, List<String> domains) {
        Map<String, Object> body = PackagesIT.newPackage(accountId, planCode, cycle, domains);
        body.put("startDate", start.toString());
        // the first term unpaid: a start in the past would otherwise count the terms before today as settled
        body.put("nextDueDate", start.plusMonths("ANNUAL".equals(cycle) ? 12 : 1).toString());
        Http.Reply reply = http.post("/api/v1/admin/packages", Http.json(body), adminToken());
        assertEquals(reply.toString(), 201, reply.status());
        return reply.json();
    }

    private List<JsonNode> invoices(String accountId) {
        JsonNode page = http.get("/api/v1/admin/invoices?accountId=" + accountId + "&size=100", adminToken()).json();
        List<JsonNode> items = new ArrayList<>();
        page.get("items").forEach(items::add);
        return items;
    }

    private JsonNode onlyInvoice(String accountId) {
        List<JsonNode> invoices = invoices(accountId);
        assertEquals(invoices.toString(), 1, invoices.size());
        return invoices.get(0);
    }

    private void payFromCredit(String accountId, String token, JsonNode invoice) {
        assertEquals(201, http.post("/api/v1/admin/credit", Http.json(Map.of("accountId", accountId, "currency", "EUR", "amount",
                invoice.get("total").get("amount").decimalValue())), adminToken()).status());
        Http.Reply paid = http.post("/api/v1/me/invoices/" + invoice.get("id").asText() + "/apply-credit", Http.json(Map.of()), token);
        assertEquals(paid.toString(), 200, paid.status());
        assertEquals("PAID", http.get("/api/v1/me/invoices/" + invoice.get("id").asText(), token).json().get("status").asText());
    }

    private JsonNode pkg(String token, String packageId) {
        return http.get("/api/v1/me/packages/" + packageId, token).json();
    }

    private JsonNode domain(String token) {
        return http.get("/api/v1/me/domains", token).json().get("items").get(0);
    }

    private List<JsonNode> messagesOf(String token, String template) {
        List<JsonNode> found = new ArrayList<>();
        http.get("/api/v1/me/messages?size=100", token).json().get("items").forEach(m -> {
            if (template.equals(m.get("templateKey").asText())) {
                found.add(m);
            }
        });
        return found;
    }

    private int messages(String token, String template) {
        return messagesOf(token, template).size();
    }

    private JsonNode message(String token, String template) {
        return messagesOf(token, template).get(0);
    }

    private static void await(String what, Callable<Boolean> condition) {
        // a configuration change re-registers billing's routes: the API answers 404 for a moment meanwhile
        Awaitility.await(what).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(condition);
    }

    /** Turns automatic credit use on for the block (the tests' configuration has it off) and waits until billing took it. */
    private void withAutomaticCredit(ThrowingRunnable block) throws Exception {
        org.osgi.service.cm.Configuration config = configurationAdmin.getConfiguration("org.hostarea.billing", null);
        Dictionary<String, Object> properties = config.getProperties();
        Hashtable<String, Object> on = new Hashtable<>();
        for (Enumeration<String> keys = properties.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            on.put(key, properties.get(key));
        }
        on.put("credit.autoApply", "true");
        config.update(on);
        try {
            await("automatic credit on", () -> {
                Http.Reply jobs = http.get("/api/v1/admin/jobs", adminToken());
                return jobs.status() == 200 && jobs.body().contains("credit is applied automatically");
            });
            block.run();
        } finally {
            on.put("credit.autoApply", "false");
            config.update(on);
            await("automatic credit off", () -> {
                Http.Reply jobs = http.get("/api/v1/admin/jobs", adminToken());
                return jobs.status() == 200 && !jobs.body().contains("credit is applied automatically");
            });
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
