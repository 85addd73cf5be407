package org.hostarea.itests;

import static org.hostarea.itests.PlatformIT.assertProblem;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.awaitility.Awaitility;
import org.junit.Before;
import org.junit.Test;

/**
 * Contract requests over REST: the workflow (information asked and given, approval, rejection, withdrawal, four
 * eyes), execution through the packages rules (CANCELLATION reviewed, DOWNGRADE without review), a failed execution
 * retried once, attachments checked by content, bad input stored nowhere, and other accounts' requests 404.
 */
public class FormsIT extends HostareaTestSupport {

    @javax.inject.Inject
    org.osgi.service.cm.ConfigurationAdmin configurationAdmin;

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private final String suffix = unique();
    private String accountId;
    private String token;
    private String packageId;
    private String smallId;

    @Before
    public void setUp() {
        String email = uniqueEmail();
        accountId = createCustomer("Form Filler", email, "form-password-1").get("id").asText();
        token = loginToken(email, "form-password-1");
        smallId = createPlan("small-" + suffix, "4.00", List.of());
        createPlan("big-" + suffix, "10.00", List.of("small-" + suffix));
        Map<String, Object> body = PackagesIT.newPackage(accountId, "big-" + suffix, "ANNUAL", List.of());
        Http.Reply pkg = http.post("/api/v1/admin/packages", Http.json(body), adminToken());
        assertEquals(pkg.toString(), 201, pkg.status());
        packageId = pkg.json().get("id").asText();
    }

    @Test
    public void aCancellationIsReviewedWithAQuestionAnAnswerAndADocumentThenCarriedOut() {
        JsonNode types = http.get("/api/v1/me/forms/types", token).json();
        assertTrue(types.toString(), types.toString().contains("\"id\":\"CANCELLATION\"") && types.toString().contains("\"id\":\"DOWNGRADE\""));

        JsonNode request = submit("CANCELLATION", Map.of("packageId", packageId, "reason", "moving on"));
        String id = request.get("id").asText();
        assertEquals("SUBMITTED", request.get("status").asText());
        assertEquals("END_OF_TERM", request.get("payload").get("mode").asText());
        JsonNode queued = http.get("/api/v1/admin/forms?type=CANCELLATION&status=SUBMITTED&size=100", adminToken()).json();
        assertTrue(queued.toString(), queued.toString().contains(id));

        JsonNode asked = staff(id, "request-info", Map.of("comment", "Please send the signed cancellation letter."));
        assertEquals("NEEDS_INFO", asked.get("status").asText());
        assertProblem(http.post("/api/v1/admin/forms/" + id + "/approve", Http.json(Map.of()), adminToken()), 409, "form-transition-invalid");
        Http.Reply uploaded = http.upload("/api/v1/me/forms/" + id + "/attachments?fileName=letter.pdf", PDF, "application/pdf", token);
        assertEquals(uploaded.toString(), 201, uploaded.status());
        assertEquals("application/pdf", uploaded.json().get("contentType").asText());
        JsonNode answered = customer(id, "answer", Map.of("comment", "Attached."));
        assertEquals("SUBMITTED", answered.get("status").asText());
        String attachment = answered.get("attachments").get(0).get("id").asText();
        assertArrayEquals(PDF, http.bytes("/api/v1/admin/forms/" + id + "/attachments/" + attachment, adminToken()));
        assertArrayEquals(PDF, http.bytes("/api/v1/me/forms/" + id + "/attachments/" + attachment, token));

        JsonNode assigned = staff(id, "assign", Map.of());
        assertTrue(assigned.get("assignee").asText().startsWith("staff:"));
        JsonNode done = staff(id, "approve", Map.of("comment", "Confirmed."));
        assertEquals("EXECUTED", done.get("status").asText());
        JsonNode pkg = http.get("/api/v1/me/packages/" + packageId, token).json();
        assertEquals("END_OF_TERM", pkg.get("cancellation").get("mode").asText());
        List<String> steps = new ArrayList<>();
        done.get("history").forEach(step -> steps.add(step.get("to").asText()));
        assertEquals(List.of("SUBMITTED", "NEEDS_INFO", "SUBMITTED", "SUBMITTED", "APPROVED", "EXECUTED"), steps);
        assertTrue(done.get("history").get(1).get("comment").asText().contains("signed cancellation letter"));
        Awaitility.await("the customer was told of each change").atMost(Duration.ofSeconds(10)).until(() -> messages("forms.request-status") == 5);
        JsonNode seen = http.get("/api/v1/me/forms/" + id, token).json();
        assertTrue(seen.toString(), seen.get("assignee").isNull() && seen.get("approvals").size() == 0);
        assertEquals("staff notes stay with staff", 5, seen.get("history").size());

        // decided: nothing more to do with it
        assertProblem(http.post("/api/v1/me/forms/" + id + "/withdraw", Http.json(Map.of()), token), 409, "form-transition-invalid");
        assertProblem(http.upload("/api/v1/me/forms/" + id + "/attachments?fileName=late.pdf", PDF, "application/pdf", token), 409,
                "form-transition-invalid");
    }

    @Test
    public void staffApprovingAtOnceCarryItOutOnce() throws Exception {
        String id = submit("CANCELLATION", Map.of("packageId", packageId, "mode", "IMMEDIATE")).get("id").asText();
        String staff = adminToken();
        List<java.util.concurrent.Callable<Http.Reply>> approvals = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            approvals.add(() -> http.post("/api/v1/admin/forms/" + id + "/approve", Http.json(Map.of()), staff));
        }
        int ok = 0;
        for (Http.Reply reply : runAll(approvals)) {
            assertTrue(reply.toString(), reply.status() == 200 || "form-transition-invalid".equals(reply.problemType()));
            ok += reply.status() == 200 ? 1 : 0;
        }
        assertEquals(1, ok);
        JsonNode request = http.get("/api/v1/admin/forms/" + id, staff).json();
        assertEquals("EXECUTED", request.get("status").asText());
        int approved = 0;
        int executed = 0;
        for (JsonNode step : request.get("history")) {
            approved += "APPROVED".equals(step.get("to").asText()) && !"APPROVED".equals(step.path("from").asText()) ? 1 : 0;
            executed += "EXECUTED".equals(step.get("to").asText()) ? 1 : 0;
        }
        assertEquals(request.toString(), 1, approved);
        assertEquals(request.toString(), 1, executed);
        assertEquals("CANCELLED", http.get("/api/v1/me/packages/" + packageId, token).json().get("status").asText());
    }

    @Test
    public void aRejectedOrWithdrawnRequestChangesNothing() {
        String rejected = submit("CANCELLATION", Map.of("packageId", packageId, "mode", "IMMEDIATE")).get("id").asText();
        assertProblem(http.post("/api/v1/admin/forms/" + rejected + "/reject", Http.json(Map.of()), adminToken()), 400, "validation");
        JsonNode no = staff(rejected, "reject", Map.of("comment", "The contract has a minimum term."));
        assertEquals("REJECTED", no.get("status").asText());
        assertProblem(http.post("/api/v1/admin/forms/" + rejected + "/approve", Http.json(Map.of()), adminToken()), 409,
                "form-transition-invalid");
        assertEquals("ACTIVE", http.get("/api/v1/me/packages/" + packageId, token).json().get("status").asText());
        assertTrue(http.get("/api/v1/me/packages/" + packageId, token).json().get("cancellation").isNull());

        String withdrawn = submit("CANCELLATION", Map.of("packageId", packageId)).get("id").asText();
        assertEquals("WITHDRAWN", customer(withdrawn, "withdraw", Map.of("comment", "Changed my mind")).get("status").asText());
        assertProblem(http.post("/api/v1/admin/forms/" + withdrawn + "/approve", Http.json(Map.of()), adminToken()), 409,
                "form-transition-invalid");
        assertProblem(http.post("/api/v1/me/forms/" + withdrawn + "/answer", Http.json(Map.of("comment", "x")), token), 409,
                "form-transition-invalid");
        assertTrue(http.get("/api/v1/me/packages/" + packageId, token).json().get("cancellation").isNull());
    }

    @Test
    public void aDowngradeWithoutReviewIsCarriedOutAtOnceAndAFailedOneIsRetriedOnce() {
        JsonNode done = submit("DOWNGRADE", Map.of("packageId", packageId, "planCode", "small-" + suffix));
        assertEquals("EXECUTED", done.get("status").asText());
        JsonNode pkg = http.get("/api/v1/me/packages/" + packageId, token).json();
        assertEquals("small-" + suffix, pkg.get("scheduledChange").get("toPlan").asText());
        assertProblem(http.post("/api/v1/me/forms", Http.json(Map.of("type", "DOWNGRADE", "payload", Map.of("packageId", packageId,
                "planCode", "big-" + suffix))), token), 422, "plan-change-not-allowed");

        // a second package whose target plan is withdrawn meanwhile: the execution fails, staff fix the plan and retry
        Map<String, Object> body = PackagesIT.newPackage(accountId, "big-" + suffix, "ANNUAL", List.of());
        String other = http.post("/api/v1/admin/packages", Http.json(body), adminToken()).json().get("id").asText();
        setActive("small-" + suffix, smallId, false);
        JsonNode failed = submit("DOWNGRADE", Map.of("packageId", other, "planCode", "small-" + suffix));
        assertEquals(failed.toString(), "FAILED", failed.get("status").asText());
        assertTrue(failed.get("error").asText(), !failed.get("error").asText().isBlank());
        setActive("small-" + suffix, smallId, true);
        JsonNode retried = staff(failed.get("id").asText(), "retry", null);
        assertEquals("EXECUTED", retried.get("status").asText());
        assertProblem(http.post("/api/v1/admin/forms/" + failed.get("id").asText() + "/retry", "", adminToken()), 409,
                "form-transition-invalid");
        JsonNode changes = http.get("/api/v1/me/packages/" + other + "/plan-changes", token).json();
        assertEquals(changes.toString(), 1, changes.size());
    }

    @Test
    public void aDomainMovesToAnotherPackageOfTheAccountWithoutReview() {
        Map<String, Object> body = PackagesIT.newPackage(accountId, "big-" + suffix, "ANNUAL", List.of("moving-" + suffix + ".com"));
        Http.Reply source = http.post("/api/v1/admin/packages", Http.json(body), adminToken());
        assertEquals(source.toString(), 201, source.status());
        String domainId = source.json().get("domains").get(0).get("id").asText();
        JsonNode done = submit("INTERNAL_DOMAIN_TRANSFER", Map.of("domainId", domainId, "toPackageId", packageId));
        assertEquals(done.toString(), "EXECUTED", done.get("status").asText());
        JsonNode target = http.get("/api/v1/me/packages/" + packageId, token).json();
        assertEquals("moving-" + suffix + ".com", target.get("domains").get(0).get("name").asText());
        assertEquals(0, http.get("/api/v1/me/packages/" + source.json().get("id").asText(), token).json().get("domains").size());
        int before = http.get("/api/v1/me/forms", token).json().get("total").asInt();
        assertProblem(http.post("/api/v1/me/forms", Http.json(Map.of("type", "INTERNAL_DOMAIN_TRANSFER", "payload", Map.of("domainId",
                domainId, "toPackageId", packageId))), token), 422, "domain-already-there");
        assertEquals(before, http.get("/api/v1/me/forms", token).json().get("total").asInt());

        // another account can neither name A's package nor pull A's domain into its own package
        String otherEmail = uniqueEmail();
        String otherAccount = createCustomer("Other", otherEmail, "other-password-1").get("id").asText();
        String otherToken = loginToken(otherEmail, "other-password-1");
        assertProblem(http.post("/api/v1/me/forms", Http.json(Map.of("type", "INTERNAL_DOMAIN_TRANSFER", "payload", Map.of("domainId",
                domainId, "toPackageId", packageId))), otherToken), 404, "package-not-found");
        String own = http.post("/api/v1/admin/packages", Http.json(PackagesIT.newPackage(otherAccount, "big-" + suffix, "ANNUAL", List.of())),
                adminToken()).json().get("id").asText();
        assertProblem(http.post("/api/v1/me/forms", Http.json(Map.of("type", "INTERNAL_DOMAIN_TRANSFER", "payload", Map.of("domainId",
                domainId, "toPackageId", own))), otherToken), 404, "domain-not-found");
    }

    @Test
    public void aDomainHolderChangeIsReviewedAndRecordedOnTheDomain() {
        Map<String, Object> body = PackagesIT.newPackage(accountId, "big-" + suffix, "ANNUAL", List.of("holder-" + suffix + ".es"));
        Http.Reply pkg = http.post("/api/v1/admin/packages", Http.json(body), adminToken());
        assertEquals(pkg.toString(), 201, pkg.status());
        String domainId = pkg.json().get("domains").get(0).get("id").asText();
        Map<String, Object> holder = new java.util.LinkedHashMap<>(Map.of("domainId", domainId, "name", "Ana García", "email",
                "ana@example.org", "street", "Calle Luna 3", "postcode", "28004", "city", "Madrid", "country", "es"));
        Http.Reply bad = http.post("/api/v1/me/forms", Http.json(Map.of("type", "CHANGE_DOMAIN_HOLDER", "payload", Map.of("domainId", domainId,
                "name", "X", "email", "not-an-address", "street", "s", "postcode", "1", "city", "c", "country", "XX"))), token);
        assertProblem(bad, 400, "validation");
        assertTrue(bad.body(), bad.body().contains("\"payload.email\"") && bad.body().contains("\"payload.country\""));
        String id = submit("CHANGE_DOMAIN_HOLDER", holder).get("id").asText();
        JsonNode none = http.get("/api/v1/me/packages/" + pkg.json().get("id").asText(), token).json().get("domains").get(0).get("registrant");
        assertTrue(String.valueOf(none), none == null || none.isNull()); // not recorded until staff approve
        JsonNode done = staff(id, "approve", Map.of());
        assertEquals(done.toString(), "EXECUTED", done.get("status").asText());
        JsonNode registrant = http.get("/api/v1/me/packages/" + pkg.json().get("id").asText(), token).json().get("domains").get(0)
                .get("registrant");
        assertEquals("Ana García", registrant.get("name").asText());
        assertEquals("ES", registrant.get("country").asText());

        String rejected = submit("CHANGE_DOMAIN_HOLDER", Map.of("domainId", domainId, "name", "Someone Else", "email", "else@example.org",
                "street", "Other 1", "postcode", "1000", "city", "Lisboa", "country", "PT")).get("id").asText();
        assertEquals("REJECTED", staff(rejected, "reject", Map.of("comment", "The registry needs the current holder's consent."))
                .get("status").asText());
        assertEquals("Ana García", http.get("/api/v1/me/packages/" + pkg.json().get("id").asText(), token).json().get("domains").get(0)
                .get("registrant").get("name").asText());
    }

    @Test
    public void aUserSeesOnlyTheRequestsOfTypesTheyMaySubmit() {
        String cancellation = submit("CANCELLATION", Map.of("packageId", packageId)).get("id").asText();
        Map<String, Object> body = PackagesIT.newPackage(accountId, "big-" + suffix, "ANNUAL", List.of("seen-" + suffix + ".com"));
        String domainId = http.post("/api/v1/admin/packages", Http.json(body), adminToken()).json().get("domains").get(0).get("id").asText();
        String holderChange = submit("CHANGE_DOMAIN_HOLDER", Map.of("domainId", domainId, "name", "Ana García", "email", "ana@example.org",
                "street", "Calle Luna 3", "postcode", "28004", "city", "Madrid", "country", "ES")).get("id").asText();
        String document = http.upload("/api/v1/me/forms/" + holderChange + "/attachments?fileName=id.pdf", PDF, "application/pdf", token)
                .json().get("id").asText();
        installFeature("hostarea-notify-email");
        Mailbox mailbox = new Mailbox(SMTP_PORT);
        mailbox.start();
        try {
            // a user with ORDERS (cancellations, downgrades) but not DOMAINS_MANAGE (domain holders)
            String email = uniqueEmail();
            assertEquals(201, http.post("/api/v1/me/users/invitations", Http.json(Map.of("email", email, "permissions",
                    List.of("ORDERS"))), token).status());
            java.util.regex.Matcher link = java.util.regex.Pattern.compile("accept-invitation\\?token=([A-Za-z0-9_-]{43})")
                    .matcher(Mailbox.text(mailbox.awaitTo(email, "invites you")));
            assertTrue(link.find());
            assertEquals(204, http.post("/api/v1/auth/invitations/accept", Http.json(Map.of("token", link.group(1), "name", "Dora",
                    "password", "dora-password-1")), null).status());
            String user = loginToken(email, "dora-password-1");
            JsonNode listed = http.get("/api/v1/me/forms", user).json();
            assertEquals(listed.toString(), 1, listed.get("total").asInt());
            assertEquals(cancellation, listed.get("items").get(0).get("id").asText());
            assertEquals(200, http.get("/api/v1/me/forms/" + cancellation, user).status());
            assertProblem(http.get("/api/v1/me/forms/" + holderChange, user), 404, "form-not-found");
            assertProblem(http.get("/api/v1/me/forms/" + holderChange + "/attachments/" + document, user), 404, "form-not-found");
            assertProblem(http.post("/api/v1/me/forms/" + holderChange + "/withdraw", Http.json(Map.of()), user), 404, "form-not-found");
            assertProblem(http.post("/api/v1/me/forms", Http.json(Map.of("type", "CHANGE_DOMAIN_HOLDER", "payload", Map.of("domainId",
                    domainId))), user), 403, "missing-permission");
            assertEquals(2, http.get("/api/v1/me/forms", token).json().get("total").asInt());
        } finally {
            mailbox.stop();
        }
    }

    @Test
    public void fourEyesTypesNeedTwoDifferentStaffMembers() throws Exception {
        org.osgi.service.cm.Configuration config = configurationAdmin.getConfiguration("org.hostarea.forms", null);
        Dictionary<String, Object> properties = config.getProperties();
        Hashtable<String, Object> changed = new Hashtable<>();
        for (Enumeration<String> keys = properties.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            changed.put(key, properties.get(key));
        }
        Object before = changed.get("fourEyes.types");
        changed.put("fourEyes.types", "CANCELLATION");
        config.update(changed);
        try {
            Awaitility.await("four eyes on").atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() ->
                    http.get("/api/v1/me/forms/types", token).body().contains("\"id\":\"CANCELLATION\",\"description\"")
                    && http.get("/api/v1/me/forms/types", token).json().findValues("fourEyes").stream().anyMatch(JsonNode::asBoolean));
            String id = submit("CANCELLATION", Map.of("packageId", packageId)).get("id").asText();
            JsonNode first = staff(id, "approve", Map.of());
            assertEquals("SUBMITTED", first.get("status").asText());
            assertEquals(1, first.get("approvals").size());
            assertProblem(http.post("/api/v1/admin/forms/" + id + "/approve", Http.json(Map.of()), adminToken()), 409, "second-approval-needed");
            // new evidence after a first approval: the approvals start again
            staff(id, "request-info", Map.of("comment", "Which date?"));
            customer(id, "answer", Map.of("comment", "Today."));
            assertEquals(0, http.get("/api/v1/admin/forms/" + id, adminToken()).json().get("approvals").size());
            assertEquals("SUBMITTED", staff(id, "approve", Map.of()).get("status").asText());
            String colleague = "support-" + unique();
            assertTrue(shell("hostarea:staff-add --role SUPPORT --password " + STAFF_PASSWORD + " " + colleague).contains("Created"));
            Http.Reply second = http.post("/api/v1/admin/forms/" + id + "/approve", Http.json(Map.of()), staffLogin(colleague, STAFF_PASSWORD));
            assertEquals(second.toString(), 200, second.status());
            assertEquals("EXECUTED", second.json().get("status").asText());
        } finally {
            changed.put("fourEyes.types", before == null ? "MERGE_CUSTOMER_NUMBERS,CHANGE_CONTRACT_HOLDER" : before);
            config.update(changed);
        }
    }

    @Test
    public void badInputIsRefusedAndStoresNothingAndOtherAccountsSeeNothing() {
        int before = http.get("/api/v1/me/forms", token).json().get("total").asInt();
        Http.Reply unknown = http.post("/api/v1/me/forms", Http.json(Map.of("type", "NO_SUCH_TYPE", "payload", Map.of())), token);
        assertProblem(unknown, 400, "validation");
        assertTrue(unknown.body().contains("\"type\""));
        Http.Reply missing = http.post("/api/v1/me/forms", Http.json(Map.of("type", "CANCELLATION", "payload", Map.of("mode", "SOON",
                "color", "red"))), token);
        assertProblem(missing, 400, "validation");
        for (String field : List.of("payload.packageId", "payload.mode", "payload.color")) {
            assertTrue(field + " in " + missing.body(), missing.body().contains("\"" + field + "\""));
        }
        assertEquals(before, http.get("/api/v1/me/forms", token).json().get("total").asInt());

        String id = submit("CANCELLATION", Map.of("packageId", packageId)).get("id").asText();
        Http.Reply disguised = http.upload("/api/v1/me/forms/" + id + "/attachments?fileName=passport.png",
                "<html>not an image</html>".getBytes(StandardCharsets.UTF_8), "image/png", token);
        assertProblem(disguised, 400, "validation");
        byte[] huge = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, huge, 0, PDF.length);
        assertProblem(http.upload("/api/v1/me/forms/" + id + "/attachments?fileName=big.pdf", huge, "application/pdf", token), 400,
                "validation");
        assertEquals(0, http.get("/api/v1/me/forms/" + id, token).json().get("attachments").size());
        String attachment = http.upload("/api/v1/me/forms/" + id + "/attachments?fileName=ok.pdf", PDF, "application/pdf", token).json()
                .get("id").asText();

        // another account: 404 for the request, its attachment and every step; a package of A cannot be named by B
        String otherEmail = uniqueEmail();
        createCustomer("Other", otherEmail, "other-password-1");
        String other = loginToken(otherEmail, "other-password-1");
        assertProblem(http.get("/api/v1/me/forms/" + id, other), 404, "form-not-found");
        assertProblem(http.get("/api/v1/me/forms/" + id + "/attachments/" + attachment, other), 404, "form-not-found");
        assertProblem(http.post("/api/v1/me/forms/" + id + "/withdraw", Http.json(Map.of()), other), 404, "form-not-found");
        assertProblem(http.upload("/api/v1/me/forms/" + id + "/attachments?fileName=x.pdf", PDF, "application/pdf", other), 404,
                "form-not-found");
        assertProblem(http.post("/api/v1/me/forms", Http.json(Map.of("type", "CANCELLATION", "payload", Map.of("packageId", packageId))),
                other), 404, "package-not-found");
        assertEquals(0, http.get("/api/v1/me/forms", other).json().get("total").asInt());
        assertProblem(http.get("/api/v1/admin/forms", token), 403, "forbidden");
    }

    // --- helpers -----------------------------------------------------------------------------------------

    private JsonNode submit(String type, Map<String, Object> payload) {
        Http.Reply reply = http.post("/api/v1/me/forms", Http.json(Map.of("type", type, "payload", payload)), token);
        assertEquals(reply.toString(), 201, reply.status());
        return reply.json();
    }

    private JsonNode staff(String id, String step, Map<String, Object> body) {
        Http.Reply reply = http.post("/api/v1/admin/forms/" + id + "/" + step, body == null ? "" : Http.json(body), adminToken());
        assertEquals(reply.toString(), 200, reply.status());
        return reply.json();
    }

    private JsonNode customer(String id, String step, Map<String, Object> body) {
        Http.Reply reply = http.post("/api/v1/me/forms/" + id + "/" + step, Http.json(body), token);
        assertEquals(reply.toString(), 200, reply.status());
        return reply.json();
    }

    private int messages(String template) {
        int count = 0;
        for (JsonNode message : http.get("/api/v1/me/messages?size=100", token).json().get("items")) {
            count += template.equals(message.get("templateKey").asText()) ? 1 : 0;
        }
        return count;
    }

    private String createPlan(String code, String price, List<String> downgrades) {
        Map<String, Object> plan = PackagesIT.plan(code, "HOSTING", price, Map.of(), List.of(), downgrades);
        Http.Reply reply = http.post("/api/v1/admin/catalog/plans", Http.json(plan), adminToken());
        assertEquals(reply.toString(), 201, reply.status());
        return reply.json().get("id").asText();
    }

    private void setActive(String code, String id, boolean active) {
        Map<String, Object> plan = PackagesIT.plan(code, "HOSTING", "4.00", Map.of(), List.of(), List.of());
        plan.put("active", active);
        Http.Reply reply = http.send("PUT", "/api/v1/admin/catalog/plans/" + id, Http.json(plan), "application/json", adminToken(), Map.of());
        assertEquals(reply.toString(), 200, reply.status());
    }
}
