package org.hostarea.itests;

import static org.hostarea.itests.PlatformIT.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import org.awaitility.Awaitility;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * MERGE_CUSTOMER_NUMBERS (seed 001) over REST: the other number proved by a domain and its package password (counted by
 * the brute-force protection), both master-data records side by side with the differing fields, "adopt data", two staff
 * approvals, everything moved with the sums unchanged, the merged number closed (its login names the survivor), both
 * told by email; a merge into itself, of an already merged number, or a rejected one changes nothing.
 */
public class MergeIT extends HostareaTestSupport {

    @Inject
    ServiceComponentRuntime scr;


    private static final String PASSWORD_A = "merge-password-a1";
    private static final String PASSWORD_B = "merge-password-b1";
    private static final String PACKAGE_PASSWORD = "pkg-Secret-4711";

    private final Mailbox mailbox = new Mailbox(SMTP_PORT);
    private final String suffix = unique();
    private String emailA;
    private String emailB;
    private String accountA;
    private String accountB;
    private String numberB;
    private String tokenA;
    private String tokenB;
    private String domainB;
    private String packageB;

    @Before
    public void setUp() {
        installFeature("hostarea-notify-email");
        mailbox.start();
        emailA = uniqueEmail();
        emailB = uniqueEmail();
        JsonNode a = createCustomer("Ana Surviving", emailA, PASSWORD_A);
        JsonNode b = createCustomer("Ana Merged", emailB, PASSWORD_B);
        accountA = a.get("id").asText();
        accountB = b.get("id").asText();
        numberB = b.get("customerNumber").asText();
        tokenA = loginToken(emailA, PASSWORD_A);
        tokenB = loginToken(emailB, PASSWORD_B);
        String plan = "merge-" + suffix;
        Http.Reply created = http.post("/api/v1/admin/catalog/plans", Http.json(PackagesIT.plan(plan, "HOSTING", "5.00", Map.of(), List.of(),
                List.of())), adminToken());
        assertEquals(created.toString(), 201, created.status());
        domainB = "merged-" + suffix + ".com";
        Http.Reply pkg = http.post("/api/v1/admin/packages", Http.json(PackagesIT.newPackage(accountB, plan, "ANNUAL", List.of(domainB))),
                adminToken());
        assertEquals(pkg.toString(), 201, pkg.status());
        packageB = pkg.json().get("id").asText();
        Http.Reply password = http.send("PUT", "/api/v1/me/packages/" + packageB + "/password", Http.json(Map.of("password",
                PACKAGE_PASSWORD)), "application/json", tokenB, Map.of());
        assertTrue(password.toString(), password.status() / 100 == 2);
    }

    @After
    public void tearDown() {
        mailbox.stop();
    }

    @Test
    public void aMergeMovesEverythingKeepsTheSumsAndClosesTheOtherNumber() throws Exception {
        // B: master data, a technical contact, two invoices (one paid with credit), credit left; A: its own of each
        putProfile(tokenB, "Calle Nueva 9", "41001", "Sevilla", "+34 955 000 111", "ES9121000418450200051332");
        putProfile(tokenA, "Calle Mayor 1", "28013", "Madrid", "+34 912 345 678", "DE89370400440532013000");
        addContact(tokenA, "Tec A", "TECHNICAL");
        addContact(tokenB, "Tec B", "TECHNICAL");
        addContact(tokenB, "Billing B", "BILLING");
        String paidB = issueInvoice(accountB, "10.00", "EUR").get("id").asText();
        issueInvoice(accountB, "5.00", "EUR");
        issueInvoice(accountA, "7.00", "EUR");
        addCredit(accountB, "30.00");
        addCredit(accountA, "5.00");
        Http.Reply applied = http.post("/api/v1/me/invoices/" + paidB + "/apply-credit", Http.json(Map.of()), tokenB);
        assertEquals(applied.toString(), 200, applied.status());
        Totals before = totals(tokenA).plus(totals(tokenB));
        int packagesBefore = count(tokenA, "/api/v1/me/packages") + count(tokenB, "/api/v1/me/packages");

        // the check shows both records with the differing fields, and stores nothing
        Map<String, Object> payload = new LinkedHashMap<>(Map.of("customerNumber", numberB, "domain", domainB.toUpperCase(),
                "packagePassword", PACKAGE_PASSWORD, "keep", "OTHER"));
        Http.Reply check = http.post("/api/v1/me/forms/check", Http.json(Map.of("type", "MERGE_CUSTOMER_NUMBERS", "payload", payload)), tokenA);
        assertEquals(check.toString(), 200, check.status());
        JsonNode shown = check.json().get("payload");
        assertEquals("Sevilla", shown.get("otherRecord").get("city").asText());
        assertEquals("Madrid", shown.get("thisRecord").get("city").asText());
        List<String> differing = new ArrayList<>();
        shown.get("differing").forEach(field -> differing.add(field.asText()));
        assertTrue(differing.toString(), differing.containsAll(List.of("street", "postcode", "city", "phone", "iban")));
        assertFalse(differing.toString(), differing.contains("bic")); // same BIC in both
        assertFalse("the package password is never stored or shown", check.body().contains(PACKAGE_PASSWORD));
        assertTrue(shown.get("otherRecord").get("iban").asText().endsWith("1332"));
        assertFalse(shown.get("otherRecord").get("iban").asText().contains("2100041845"));
        assertEquals(0, count(tokenA, "/api/v1/me/forms"));

        JsonNode submitted = submit(tokenA, payload);
        String id = submitted.get("id").asText();
        assertEquals("SUBMITTED", submitted.get("status").asText());
        assertFalse(submitted.toString().contains(PACKAGE_PASSWORD));
        // B is told at once that someone asks to merge its number, and sees the request among its incoming ones
        mailbox.awaitTo(emailB, "concerns you");
        assertEquals(id, http.get("/api/v1/me/forms/incoming", tokenB).json().get("items").get(0).get("id").asText());

        // four eyes: the same staff member cannot approve twice; a colleague's approval executes it
        assertEquals("SUBMITTED", staff(id, "approve", adminToken()).get("status").asText());
        assertProblem(http.post("/api/v1/admin/forms/" + id + "/approve", Http.json(Map.of()), adminToken()), 409, "second-approval-needed");
        String colleague = "merge-" + unique();
        assertTrue(shell("hostarea:staff-add --role SUPPORT --password " + STAFF_PASSWORD + " " + colleague).contains("Created"));
        JsonNode done = staff(id, "approve", staffLogin(colleague, STAFF_PASSWORD));
        assertEquals(done.toString(), "EXECUTED", done.get("status").asText());

        // everything is A's now and the sums are the same
        Totals after = totals(tokenA);
        assertEquals(0, before.invoiced.compareTo(after.invoiced));
        assertEquals(0, before.credit.compareTo(after.credit));
        assertEquals(before.invoices, after.invoices);
        assertEquals(packagesBefore, count(tokenA, "/api/v1/me/packages"));
        assertEquals(domainB, http.get("/api/v1/me/packages/" + packageB, tokenA).json().get("domains").get(0).get("name").asText());
        assertEquals(1, http.get("/api/v1/me/credit", tokenA).json().size());
        assertTrue(after.credit.signum() > 0);
        // adopt data: A keeps B's master data, audited
        assertEquals("Sevilla", http.get("/api/v1/me/profile", tokenA).json().get("city").asText());
        assertTrue(http.get("/api/v1/me/profile/changes", tokenA).body().contains("form:" + id));
        // contacts moved; B's technical contact has no role here (A has one), its billing contact kept its role
        JsonNode contacts = http.get("/api/v1/me/contacts", tokenA).json();
        assertEquals(contacts.toString(), 3, contacts.size());
        for (JsonNode contact : contacts) {
            String name = contact.get("name").asText();
            String role = contact.path("role").isNull() || contact.path("role").isMissingNode() ? null : contact.get("role").asText();
            assertEquals(name, switch (name) {
                case "Tec A" -> "TECHNICAL";
                case "Billing B" -> "BILLING";
                default -> null;
            }, role);
        }
        // the package password moved with its package: the third party still logs in, now on A's package
        assertEquals(200, login(domainB, PACKAGE_PASSWORD).status());

        // B is closed: its sessions ended, its login names A's number (only with the right password), both were mailed
        assertEquals(401, http.get("/api/v1/me", tokenB).status());
        String numberA = http.get("/api/v1/me", tokenA).json().get("customerNumber").asText();
        Http.Reply closed = login(numberB, PASSWORD_B);
        assertProblem(closed, 401, "account-merged");
        assertTrue(closed.body(), closed.body().contains(numberA));
        assertProblem(login(numberB, "wrong-password-123"), 401, "invalid-credentials");
        mailbox.await("A told of the execution", mail -> Mailbox.to(mail, emailA) && Mailbox.subject(mail).contains("EXECUTED"));
        mailbox.await("B told of the execution", mail -> Mailbox.to(mail, emailB) && Mailbox.subject(mail).contains("EXECUTED"));

        // a retry changes nothing more: it is EXECUTED, and the number is merged already
        assertProblem(http.post("/api/v1/admin/forms/" + id + "/retry", "", adminToken()), 409, "form-transition-invalid");
        assertEquals(0, after.credit.compareTo(totals(tokenA).credit));

        // merging the merged number again is refused, with nothing stored
        int forms = count(tokenA, "/api/v1/me/forms");
        assertProblem(http.post("/api/v1/me/forms", Http.json(Map.of("type", "MERGE_CUSTOMER_NUMBERS", "payload", Map.of("customerNumber",
                numberB, "domain", domainB, "packagePassword", PACKAGE_PASSWORD))), tokenA), 422, "account-already-merged");
        assertEquals(forms, count(tokenA, "/api/v1/me/forms"));
    }

    @Test
    public void aMergeThatFailsIsRetriedWithOneEffect() throws Exception {
        issueInvoice(accountB, "10.00", "EUR");
        addCredit(accountB, "12.00");
        addCredit(accountA, "3.00");
        Totals before = totals(tokenA).plus(totals(tokenB));
        String id = submit(tokenA, Map.of("customerNumber", numberB, "domain", domainB, "packagePassword", PACKAGE_PASSWORD)).get("id").asText();
        staff(id, "approve", adminToken());
        String colleague = "merge-" + unique();
        assertTrue(shell("hostarea:staff-add --role SUPPORT --password " + STAFF_PASSWORD + " " + colleague).contains("Created"));

        // billing's merge step is gone for a moment (its bundle being replaced): the merge fails whole, nothing moved
        ComponentDescriptionDTO step = scr.getComponentDescriptionDTO(bundle("org.hostarea.billing"),
                "org.hostarea.billing.internal.BillingMergeStep");
        scr.disableComponent(step).getValue();
        try {
            JsonNode failed = staff(id, "approve", staffLogin(colleague, STAFF_PASSWORD));
            assertEquals(failed.toString(), "FAILED", failed.get("status").asText());
            assertTrue(failed.toString(), failed.get("error").asText().contains("billing"));
            assertEquals(200, http.get("/api/v1/me", tokenB).status());
            assertEquals(0, count(tokenA, "/api/v1/me/packages"));
            assertEquals(1, count(tokenB, "/api/v1/me/packages"));
            JsonNode seen = http.get("/api/v1/me/forms/" + id, tokenA).json();
            assertEquals("FAILED", seen.get("status").asText());
            assertFalse("no technical error text for the customer", seen.toString().contains("BillingMergeStep") || seen.toString()
                    .contains("[billing]"));
        } finally {
            scr.enableComponent(step).getValue();
        }
        // staff retry once it is back: executed once, the sums the same, and a further retry is refused
        Awaitility.await("the retry runs").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() ->
                "EXECUTED".equals(http.post("/api/v1/admin/forms/" + id + "/retry", "", adminToken()).json().get("status").asText()));
        Totals after = totals(tokenA);
        assertEquals(before.invoices, after.invoices);
        assertEquals(0, before.invoiced.compareTo(after.invoiced));
        assertEquals(0, before.credit.compareTo(after.credit));
        assertEquals(1, count(tokenA, "/api/v1/me/packages"));
        assertProblem(http.post("/api/v1/admin/forms/" + id + "/retry", "", adminToken()), 409, "form-transition-invalid");
        assertProblem(login(numberB, PASSWORD_B), 401, "account-merged");
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : bundleContext.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    @Test
    public void aWrongPackagePasswordIsCountedByTheBruteForceProtection() {
        for (int i = 0; i < 3; i++) {
            assertProblem(check(tokenA, numberB, domainB, "wrong-" + i + "-password"), 422, "package-credentials-invalid");
        }
        // throttled now: even the right password is refused for a moment (then accepted, below)
        assertProblem(check(tokenA, numberB, domainB, PACKAGE_PASSWORD), 422, "package-credentials-invalid");
        // an unknown domain answers the same
        assertProblem(check(tokenA, numberB, "nowhere-" + suffix + ".com", PACKAGE_PASSWORD), 422, "package-credentials-invalid");
        String events = http.get("/api/v1/admin/security-events?accountId=" + accountB + "&size=100", adminToken()).body();
        assertTrue(events, events.contains("PACKAGE_PROOF_FAILED") && events.contains("PACKAGE_PROOF_THROTTLED"));
        Awaitility.await("the wait after the failures passes").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> check(tokenA, numberB, domainB, PACKAGE_PASSWORD).status() == 200);
        // the failures did not lock A's own login
        assertEquals(200, login(emailA, PASSWORD_A).status());
    }

    @Test
    public void aMergeIntoItselfOrOfAnotherNumbersPackageIsRefusedAndARejectedOneChangesNothing() {
        String numberA = http.get("/api/v1/me", tokenA).json().get("customerNumber").asText();
        assertProblem(check(tokenA, numberA, domainB, PACKAGE_PASSWORD), 422, "merge-into-itself");
        // B's own package, named by B: itself again
        String numberBOwn = http.get("/api/v1/me", tokenB).json().get("customerNumber").asText();
        assertProblem(check(tokenB, numberBOwn, domainB, PACKAGE_PASSWORD), 422, "merge-into-itself");
        // the right package, but named with a third number it does not belong to
        String third = createCustomer("Third", uniqueEmail(), "third-password-1").get("customerNumber").asText();
        assertProblem(check(tokenA, third, domainB, PACKAGE_PASSWORD), 422, "package-not-of-number");
        // bad payloads name each field
        Http.Reply bad = http.post("/api/v1/me/forms", Http.json(Map.of("type", "MERGE_CUSTOMER_NUMBERS", "payload", Map.of("keep", "BOTH",
                "extra", 1))), tokenA);
        assertProblem(bad, 400, "validation");
        for (String field : List.of("payload.customerNumber", "payload.domain", "payload.packagePassword", "payload.keep", "payload.extra")) {
            assertTrue(field + " in " + bad.body(), bad.body().contains("\"" + field + "\""));
        }
        assertEquals(0, count(tokenA, "/api/v1/me/forms"));

        String id = submit(tokenA, Map.of("customerNumber", numberB, "domain", domainB, "packagePassword", PACKAGE_PASSWORD)).get("id").asText();
        Http.Reply rejected = http.post("/api/v1/admin/forms/" + id + "/reject", Http.json(Map.of("comment", "Not the same holder.")),
                adminToken());
        assertEquals(rejected.toString(), "REJECTED", rejected.json().get("status").asText());
        assertEquals(200, login(numberB, PASSWORD_B).status());
        assertEquals(1, count(tokenB, "/api/v1/me/packages"));
        assertEquals(0, count(tokenA, "/api/v1/me/packages"));
        mailbox.await("B told of the rejection", mail -> Mailbox.to(mail, emailB) && Mailbox.subject(mail).contains("REJECTED"));
        assertProblem(http.post("/api/v1/admin/forms/" + id + "/approve", Http.json(Map.of()), adminToken()), 409, "form-transition-invalid");
        // the holder of the number to be merged can object: the request is rejected
        String objected = submit(tokenA, Map.of("customerNumber", numberB, "domain", domainB, "packagePassword", PACKAGE_PASSWORD)).get("id")
                .asText();
        JsonNode objection = http.post("/api/v1/me/forms/incoming/" + objected + "/decline", Http.json(Map.of("comment", "Not mine!")),
                tokenB).json();
        assertEquals(objection.toString(), "REJECTED", objection.get("status").asText());
        assertEquals(1, count(tokenB, "/api/v1/me/packages"));
        // B, the other party, cannot act on A's request as if it were its own
        assertProblem(http.get("/api/v1/me/forms/" + id, tokenB), 404, "form-not-found");
        assertProblem(http.post("/api/v1/me/forms/" + id + "/withdraw", Http.json(Map.of()), tokenB), 404, "form-not-found");
    }

    // --- helpers -----------------------------------------------------------------------------------------

    /** Invoice totals (count and sum) and the credit balance of an account, as its owner sees them. */
    private record Totals(int invoices, BigDecimal invoiced, BigDecimal credit) {
        Totals plus(Totals other) {
            return new Totals(invoices + other.invoices, invoiced.add(other.invoiced), credit.add(other.credit));
        }
    }

    private Totals totals(String token) {
        JsonNode invoices = http.get("/api/v1/me/invoices?size=100", token).json();
        BigDecimal invoiced = BigDecimal.ZERO;
        for (JsonNode invoice : invoices.get("items")) {
            invoiced = invoiced.add(invoice.get("total").get("amount").decimalValue());
        }
        BigDecimal credit = BigDecimal.ZERO;
        for (JsonNode balance : http.get("/api/v1/me/credit", token).json()) {
            credit = credit.add(balance.get("balance").get("amount").decimalValue());
        }
        return new Totals(invoices.get("total").asInt(), invoiced, credit);
    }

    private int count(String token, String path) {
        JsonNode page = http.get(path, token).json();
        return page.isArray() ? page.size() : page.get("total").asInt();
    }

    private Http.Reply check(String token, String number, String domain, String password) {
        return http.post("/api/v1/me/forms/check", Http.json(Map.of("type", "MERGE_CUSTOMER_NUMBERS", "payload", Map.of("customerNumber", number,
                "domain", domain, "packagePassword", password))), token);
    }

    private JsonNode submit(String token, Map<String, Object> payload) {
        Http.Reply reply = http.post("/api/v1/me/forms", Http.json(Map.of("type", "MERGE_CUSTOMER_NUMBERS", "payload", payload)), token);
        assertEquals(reply.toString(), 201, reply.status());
        return reply.json();
    }

    private JsonNode staff(String id, String step, String staffToken) {
        Http.Reply reply = http.post("/api/v1/admin/forms/" + id + "/" + step, Http.json(Map.of()), staffToken);
        assertEquals(reply.toString(), 200, reply.status());
        return reply.json();
    }

    private void putProfile(String token, String street, String postcode, String city, String phone, String iban) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("holderName", "Ana García");
        profile.put("street", street);
        profile.put("postcode", postcode);
        profile.put("city", city);
        profile.put("country", "ES");
        profile.put("phone", phone);
        profile.put("email", "ana@example.org");
        profile.put("iban", iban);
        profile.put("bic", "COBADEFFXXX");
        Http.Reply saved = http.send("PUT", "/api/v1/me/profile", Http.json(profile), "application/json", token, Map.of());
        assertEquals(saved.toString(), 200, saved.status());
    }

    private void addContact(String token, String name, String role) {
        Http.Reply added = http.post("/api/v1/me/contacts", Http.json(Map.of("name", name, "email", uniqueEmail(), "role", role)), token);
        assertEquals(added.toString(), 201, added.status());
    }

    private void addCredit(String accountId, String amount) {
        Http.Reply added = http.post("/api/v1/admin/credit", Http.json(Map.of("accountId", accountId, "currency", "EUR", "amount",
                new BigDecimal(amount), "note", "goodwill")), adminToken());
        assertEquals(added.toString(), 201, added.status());
    }
}
