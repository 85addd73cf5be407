package org.hostarea.itests;

import static org.hostarea.itests.PlatformIT.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * Requests with another party: a change of contract holder accepted by the new holder through a mailed link and carried
 * out on its day, a domain transfer to another customer number accepted by that account into one of its packages, and
 * identity verification by document (a contact, and owner recovery filed by staff when the owner email is lost).
 */
public class FormPartiesIT extends HostareaTestSupport {

    private static final Pattern ACCEPT = Pattern.compile("accept-request\\?token=([A-Za-z0-9_-]{43})");
    private static final Pattern RESET = Pattern.compile("https://customer\\.test/reset\\?token=([A-Za-z0-9_-]{43})");
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final String PASSWORD = "parties-password-1";

    @javax.inject.Inject
    org.hostarea.forms.FormService forms;

    @javax.inject.Inject
    org.hostarea.contacts.ContactService contacts;

    private final Mailbox mailbox = new Mailbox(SMTP_PORT);
    private final String suffix = unique();
    private String email;
    private String accountId;
    private String token;

    @Before
    public void setUp() {
        installFeature("hostarea-notify-email");
        mailbox.start();
        email = uniqueEmail();
        accountId = createCustomer("Old Holder", email, PASSWORD).get("id").asText();
        token = loginToken(email, PASSWORD);
    }

    @After
    public void tearDown() {
        mailbox.stop();
    }

    @Test
    public void aNewContractHolderAcceptsByLinkAndTakesOverOnTheDay() {
        String newEmail = uniqueEmail();
        String colleague = "holder-" + unique();
        assertTrue(shell("hostarea:staff-add --role SUPPORT --password " + STAFF_PASSWORD + " " + colleague).contains("Created"));
        String second = staffLogin(colleague, STAFF_PASSWORD);

        // the day after tomorrow: accepted and approved, it waits for its day
        String later = submit(token, "CHANGE_CONTRACT_HOLDER", holder("Later Holder", uniqueEmail(), LocalDate.now(ZoneOffset.UTC).plusDays(2)))
                .get("id").asText();
        accept(acceptToken(later));
        approveTwice(later, second);
        JsonNode waiting = http.get("/api/v1/admin/forms/" + later, adminToken()).json();
        assertEquals(waiting.toString(), "APPROVED", waiting.get("status").asText());
        assertProblem(http.post("/api/v1/admin/forms/" + later + "/retry", "", adminToken()), 409, "form-scheduled");
        assertEquals("Old Holder", http.get("/api/v1/me", token).json().get("ownerName").asText());

        // what the old holder brought as a person: a stored card, an invited user, a package password
        installFeature("hostarea-payment-testgateway");
        org.awaitility.Awaitility.await("test gateway bound").atMost(java.time.Duration.ofSeconds(30))
                .until(() -> http.get("/api/v1/me/payment-gateways", token).body().contains("\"test\""));
        assertEquals(201, http.post("/api/v1/me/payment-methods", Http.json(Map.of("gateway", "test", "label", "Old holder's card",
                "reference", "vault:tok-" + suffix)), token).status());
        String user = invite(token, List.of("INVOICES_VIEW_PAY"));
        String plan = "holder-" + suffix;
        assertEquals(201, http.post("/api/v1/admin/catalog/plans", Http.json(PackagesIT.plan(plan, "HOSTING", "5.00", Map.of(), List.of(),
                List.of())), adminToken()).status());
        String domain = "holder-" + suffix + ".com";
        String pkg = http.post("/api/v1/admin/packages", Http.json(PackagesIT.newPackage(accountId, plan, "ANNUAL", List.of(domain))),
                adminToken()).json().get("id").asText();
        assertEquals(204, http.send("PUT", "/api/v1/me/packages/" + pkg + "/password", Http.json(Map.of("password", "pkg-Secret-0815")),
                "application/json", token, Map.of()).status());
        String packageSession = loginToken(domain, "pkg-Secret-0815");

        // today: the new holder is asked by mail; staff cannot approve before the acceptance
        String id = submit(token, "CHANGE_CONTRACT_HOLDER", holder("New Holder", newEmail, LocalDate.now(ZoneOffset.UTC))).get("id").asText();
        String link = acceptToken(id);
        assertProblem(http.post("/api/v1/admin/forms/" + id + "/approve", Http.json(Map.of()), adminToken()), 409, "acceptance-pending");
        JsonNode view = http.post("/api/v1/forms/acceptance", Http.json(Map.of("token", link)), null).json();
        assertEquals("CHANGE_CONTRACT_HOLDER", view.get("type").asText());
        assertEquals("New Holder", view.get("payload").get("holderName").asText());
        JsonNode accepted = accept(link);
        assertEquals("ACCEPTED", accepted.get("acceptance").asText());
        assertProblem(http.post("/api/v1/forms/acceptance/accept", Http.json(Map.of("token", link)), null), 404, "acceptance-not-found");
        approveTwice(id, second);
        assertEquals("EXECUTED", http.get("/api/v1/admin/forms/" + id, adminToken()).json().get("status").asText());

        // the contract is the new holder's: master data, owner login; the old holder's password and session ended
        JsonNode profile = http.get("/api/v1/admin/customers/" + accountId, adminToken()).json();
        assertEquals(profile.toString(), newEmail, profile.get("email").asText());
        assertEquals(401, http.get("/api/v1/me", token).status());
        assertProblem(login(email, PASSWORD), 401, "invalid-credentials");
        String reset = tokenFrom(mailbox.awaitTo(newEmail, "Choose your new password"), RESET);
        assertEquals(204, http.post("/api/v1/auth/password-reset/confirm", Http.json(Map.of("token", reset, "password", "new-holder-pass-1")),
                null).status());
        String newToken = loginToken(newEmail, "new-holder-pass-1");
        JsonNode newProfile = http.get("/api/v1/me/profile", newToken).json();
        assertEquals(newProfile + ", audit: " + http.get("/api/v1/me/profile/changes", newToken).body(), "New Holder",
                newProfile.get("holderName").asText());
        assertTrue(http.get("/api/v1/me/profile", newToken).json().path("iban").isNull()); // the old holder's bank data is gone
        assertEquals(0, http.get("/api/v1/me/payment-methods", newToken).json().size()); // and their card
        assertEquals(0, http.get("/api/v1/me/users", newToken).json().size()); // and the people they invited
        assertEquals(401, http.get("/api/v1/me/invoices", user).status());
        assertEquals(401, http.get("/api/v1/me/packages/" + pkg + "/technical", packageSession).status()); // and their package password
        assertProblem(login(domain, "pkg-Secret-0815"), 401, "invalid-credentials");
        assertTrue(Mailbox.text(mailbox.awaitTo(email, "Your login email was changed")).contains(newEmail)); // the old holder is told
        mailbox.await("the new holder told of the execution", mail -> Mailbox.to(mail, newEmail) && Mailbox.subject(mail).contains("EXECUTED"));

        // declined through the link: rejected, nothing changes
        String declined = submit(newToken, "CHANGE_CONTRACT_HOLDER", holder("Nobody", uniqueEmail(), LocalDate.now(ZoneOffset.UTC))).get("id")
                .asText();
        JsonNode answer = http.post("/api/v1/forms/acceptance/decline", Http.json(Map.of("token", acceptToken(declined), "comment", "No.")),
                null).json();
        assertEquals("REJECTED", answer.get("status").asText());
        assertEquals("New Holder", http.get("/api/v1/me", newToken).json().get("ownerName").asText());
        assertProblem(http.post("/api/v1/forms/acceptance", Http.json(Map.of("token", "x".repeat(43))), null), 404, "acceptance-not-found");
        Http.Reply bad = http.post("/api/v1/me/forms", Http.json(Map.of("type", "CHANGE_CONTRACT_HOLDER", "payload", Map.of("holderName", "X",
                "effectiveDate", "2001-01-01", "country", "Spain"))), newToken);
        assertProblem(bad, 400, "validation");
        for (String field : List.of("payload.email", "payload.street", "payload.effectiveDate")) {
            assertTrue(field + " in " + bad.body(), bad.body().contains("\"" + field + "\""));
        }
    }

    /**
     * The due run carries out an approved change of holder on its day, on its own long-lived thread: the new holder's
     * master data is written with the rest. (The account's profile row is created inside that execution; created in a
     * nested transaction, its update was once lost there while the audit and the owner change committed.)
     */
    @Test
    public void theDueRunCarriesOutAChangeOfHolderOnItsDay() {
        String colleague = "due-" + unique();
        assertTrue(shell("hostarea:staff-add --role SUPPORT --password " + STAFF_PASSWORD + " " + colleague).contains("Created"));
        String second = staffLogin(colleague, STAFF_PASSWORD);
        LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        for (int i = 0; i < 4; i++) {
            String owner = uniqueEmail();
            String account = createCustomer("Holder " + i, owner, PASSWORD).get("id").asText();
            String newEmail = uniqueEmail();
            String id = submit(loginToken(owner, PASSWORD), "CHANGE_CONTRACT_HOLDER", holder("Next Holder " + i, newEmail, tomorrow))
                    .get("id").asText();
            accept(acceptToken(id));
            approveTwice(id, second);
            assertEquals("APPROVED", http.get("/api/v1/admin/forms/" + id, adminToken()).json().get("status").asText());

            assertTrue(forms.executeDue(tomorrow) >= 1);
            assertEquals("EXECUTED", http.get("/api/v1/admin/forms/" + id, adminToken()).json().get("status").asText());
            assertEquals(newEmail, http.get("/api/v1/admin/customers/" + account, adminToken()).json().get("email").asText());
            org.hostarea.contacts.Profile profile = contacts.profile(account);
            assertEquals(profile + ", audit: " + contacts.profileChanges(account), "Next Holder " + i, profile.holderName());
            assertEquals(newEmail, profile.email());
        }
    }

    @Test
    public void aDomainGoesToAnotherCustomerNumberOnlyWhenThatAccountAcceptsIt() {
        String plan = "transfer-" + suffix;
        assertEquals(201, http.post("/api/v1/admin/catalog/plans", Http.json(PackagesIT.plan(plan, "HOSTING", "5.00", Map.of(), List.of(),
                List.of())), adminToken()).status());
        String domain = "give-" + suffix + ".com";
        String kept = "keep-" + suffix + ".com";
        JsonNode source = http.post("/api/v1/admin/packages", Http.json(PackagesIT.newPackage(accountId, plan, "ANNUAL", List.of(domain, kept))),
                adminToken()).json();
        String sourceId = source.get("id").asText();
        String domainId = source.get("domains").get(0).get("id").asText();
        String keptId = source.get("domains").get(1).get("id").asText();
        String otherEmail = uniqueEmail();
        JsonNode other = createCustomer("Receiver", otherEmail, PASSWORD);
        String otherToken = loginToken(otherEmail, PASSWORD);
        String target = http.post("/api/v1/admin/packages", Http.json(PackagesIT.newPackage(other.get("id").asText(), plan, "ANNUAL", List.of())),
                adminToken()).json().get("id").asText();

        JsonNode request = submit(token, "INTERNAL_DOMAIN_TRANSFER", Map.of("domainId", domainId, "toCustomerNumber",
                other.get("customerNumber").asText()));
        String id = request.get("id").asText();
        assertEquals("SUBMITTED", request.get("status").asText());
        assertEquals("PENDING", request.get("acceptance").asText());
        assertProblem(http.post("/api/v1/admin/forms/" + id + "/approve", Http.json(Map.of()), adminToken()), 409, "acceptance-pending");
        // the receiver sees it, without what staff and the sender say to each other, and must name one of its own packages
        assertEquals(200, http.post("/api/v1/admin/forms/" + id + "/request-info", Http.json(Map.of("comment", "Internal: check the "
                + "sender's unpaid invoices")), adminToken()).status());
        assertEquals(200, http.post("/api/v1/me/forms/" + id + "/answer", Http.json(Map.of("comment", "All paid, private note")), token)
                .status());
        assertEquals(id, http.get("/api/v1/me/forms/incoming", otherToken).json().get("items").get(0).get("id").asText());
        String seen = http.get("/api/v1/me/forms/incoming/" + id, otherToken).body();
        assertTrue(seen, !seen.contains("Internal: check") && !seen.contains("private note"));
        assertProblem(http.post("/api/v1/me/forms/incoming/" + id + "/accept", Http.json(Map.of("payload", Map.of("toPackageId", sourceId))),
                otherToken), 404, "package-not-found");
        assertProblem(http.post("/api/v1/me/forms/incoming/" + id + "/accept", Http.json(Map.of()), otherToken), 400, "validation");
        // a third account sees and answers nothing; the sender cannot accept its own request
        String thirdEmail = uniqueEmail();
        createCustomer("Third", thirdEmail, PASSWORD);
        String third = loginToken(thirdEmail, PASSWORD);
        assertProblem(http.get("/api/v1/me/forms/incoming/" + id, third), 404, "form-not-found");
        assertProblem(http.post("/api/v1/me/forms/incoming/" + id + "/accept", Http.json(Map.of("payload", Map.of("toPackageId", target))),
                third), 404, "form-not-found");
        assertProblem(http.post("/api/v1/me/forms/incoming/" + id + "/accept", Http.json(Map.of("payload", Map.of("toPackageId", target))),
                token), 404, "form-not-found");

        JsonNode accepted = http.post("/api/v1/me/forms/incoming/" + id + "/accept", Http.json(Map.of("payload", Map.of("toPackageId",
                target))), otherToken).json();
        assertEquals(accepted.toString(), "ACCEPTED", accepted.get("acceptance").asText());
        JsonNode done = http.post("/api/v1/admin/forms/" + id + "/approve", Http.json(Map.of()), adminToken()).json();
        assertEquals(done.toString(), "EXECUTED", done.get("status").asText());
        assertEquals(domain, http.get("/api/v1/me/packages/" + target, otherToken).json().get("domains").get(0).get("name").asText());
        JsonNode left = http.get("/api/v1/me/packages/" + sourceId, token).json().get("domains");
        assertEquals(left.toString(), 1, left.size());
        assertEquals(kept, left.get(0).get("name").asText());

        // declined: rejected, the domain stays
        String refused = submit(token, "INTERNAL_DOMAIN_TRANSFER", Map.of("domainId", keptId, "toCustomerNumber",
                other.get("customerNumber").asText())).get("id").asText();
        JsonNode declined = http.post("/api/v1/me/forms/incoming/" + refused + "/decline", Http.json(Map.of("comment", "not ours")),
                otherToken).json();
        assertEquals(declined.toString(), "REJECTED", declined.get("status").asText());
        assertEquals(1, http.get("/api/v1/me/packages/" + sourceId, token).json().get("domains").size());
        assertProblem(http.post("/api/v1/me/forms", Http.json(Map.of("type", "INTERNAL_DOMAIN_TRANSFER", "payload", Map.of("domainId", keptId,
                "toCustomerNumber", "00000000"))), token), 400, "validation");
    }

    @Test
    public void aContactIsVerifiedByDocumentAndALostOwnerEmailIsRecoveredThroughStaff() {
        Http.Reply added = http.post("/api/v1/me/contacts", Http.json(Map.of("name", "Tecla", "email", uniqueEmail(), "role", "TECHNICAL")), token);
        assertEquals(added.toString(), 201, added.status());
        String contactId = added.json().get("id").asText();
        assertFalse(added.json().get("verified").asBoolean());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("subject", "CONTACT");
        payload.put("contactId", contactId);
        payload.put("signerName", "Tecla Pérez Gómez");
        payload.put("taxId", "12345678Z");
        payload.put("newPhone", "+34 600 111 222");
        String id = submit(token, "IDENTITY_VERIFICATION_BY_DOCUMENT", payload).get("id").asText();
        assertProblem(http.post("/api/v1/admin/forms/" + id + "/approve", Http.json(Map.of()), adminToken()), 409, "attachment-required");
        assertEquals(201, http.upload("/api/v1/me/forms/" + id + "/attachments?fileName=dni.pdf", PDF, "application/pdf", token).status());
        // four eyes (the default for this type): a colleague's approval carries it out
        String colleague = "idv-" + unique();
        assertTrue(shell("hostarea:staff-add --role SUPPORT --password " + STAFF_PASSWORD + " " + colleague).contains("Created"));
        String second = staffLogin(colleague, STAFF_PASSWORD);
        assertEquals("SUBMITTED", http.post("/api/v1/admin/forms/" + id + "/approve", Http.json(Map.of()), adminToken()).json().get("status")
                .asText());
        assertEquals("EXECUTED", http.post("/api/v1/admin/forms/" + id + "/approve", Http.json(Map.of()), second).json().get("status")
                .asText());
        JsonNode contact = http.get("/api/v1/me/contacts/" + contactId, token).json();
        assertTrue(contact.toString(), contact.get("verified").asBoolean());
        assertEquals("+34 600 111 222", contact.get("phone").asText());

        // the owner lost the owner email: support files the request with the ID document they were sent
        String newEmail = uniqueEmail();
        Map<String, Object> recovery = Map.of("subject", "OWNER", "signerName", "Olga Old Holder", "taxId", "87654321X", "newEmail", newEmail);
        Http.Reply filed = http.post("/api/v1/admin/forms", Http.json(Map.of("accountId", accountId, "type", "IDENTITY_VERIFICATION_BY_DOCUMENT",
                "payload", recovery)), adminToken());
        assertEquals(filed.toString(), 201, filed.status());
        String recoveryId = filed.json().get("id").asText();
        assertEquals(201, http.upload("/api/v1/admin/forms/" + recoveryId + "/attachments?fileName=dni.png",
                new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0}, "image/png", adminToken()).status());
        // who filed it cannot approve it; two others must
        PlatformIT.assertProblem(http.post("/api/v1/admin/forms/" + recoveryId + "/approve", Http.json(Map.of()), adminToken()), 409,
                "filer-cannot-approve");
        String third = "idv-" + unique();
        assertTrue(shell("hostarea:staff-add --role SUPPORT --password " + STAFF_PASSWORD + " " + third).contains("Created"));
        assertEquals("SUBMITTED", http.post("/api/v1/admin/forms/" + recoveryId + "/approve", Http.json(Map.of()), second).json()
                .get("status").asText());
        assertEquals("EXECUTED", http.post("/api/v1/admin/forms/" + recoveryId + "/approve", Http.json(Map.of()),
                staffLogin(third, STAFF_PASSWORD)).json().get("status").asText());
        // the old owner address is told the login moved
        assertTrue(Mailbox.text(mailbox.awaitTo(email, "Your login email was changed")).contains(newEmail));
        String reset = tokenFrom(mailbox.awaitTo(newEmail, "Choose your new password"), RESET);
        assertEquals(204, http.post("/api/v1/auth/password-reset/confirm", Http.json(Map.of("token", reset, "password", "recovered-pass-1")),
                null).status());
        assertEquals(accountId, http.get("/api/v1/me", loginToken(newEmail, "recovered-pass-1")).json().get("id").asText());
        assertProblem(login(email, PASSWORD), 401, "invalid-credentials");

        // a rejected verification changes nothing; a customer cannot file for another account's contact
        Http.Reply unverified = http.post("/api/v1/me/contacts", Http.json(Map.of("name", "Unverified", "email", uniqueEmail())),
                loginToken(newEmail, "recovered-pass-1"));
        assertEquals(unverified.toString(), 201, unverified.status());
        String secondId = unverified.json().get("id").asText();
        Map<String, Object> refused = new LinkedHashMap<>(payload);
        refused.put("contactId", secondId);
        refused.put("newName", "Someone Else");
        String refusedId = http.post("/api/v1/me/forms", Http.json(Map.of("type", "IDENTITY_VERIFICATION_BY_DOCUMENT", "payload", refused)),
                loginToken(newEmail, "recovered-pass-1")).json().get("id").asText();
        assertEquals("REJECTED", http.post("/api/v1/admin/forms/" + refusedId + "/reject", Http.json(Map.of("comment",
                "The document is unreadable.")), adminToken()).json().get("status").asText());
        JsonNode unchanged = http.get("/api/v1/admin/forms/" + refusedId, adminToken()).json();
        assertEquals("REJECTED", unchanged.get("status").asText());
        JsonNode still = http.get("/api/v1/me/contacts/" + secondId, loginToken(newEmail, "recovered-pass-1")).json();
        assertFalse(still.get("verified").asBoolean());
        assertEquals("Unverified", still.get("name").asText());
        String otherEmail = uniqueEmail();
        createCustomer("Other", otherEmail, PASSWORD);
        assertProblem(http.post("/api/v1/me/forms", Http.json(Map.of("type", "IDENTITY_VERIFICATION_BY_DOCUMENT", "payload", payload)),
                loginToken(otherEmail, PASSWORD)), 404, "contact-not-found");
        Http.Reply bad = http.post("/api/v1/admin/forms", Http.json(Map.of("accountId", accountId, "type", "IDENTITY_VERIFICATION_BY_DOCUMENT",
                "payload", Map.of("subject", "OWNER", "signerName", "X", "taxId", "1"))), adminToken());
        assertProblem(bad, 400, "validation");
        assertTrue(bad.body(), bad.body().contains("\"payload.newEmail\""));
    }

    @Test
    public void contractLevelRequestsAreTheHoldersAlone() {
        String user = invite(token, List.of("PROFILE_EDIT", "CONTACTS_VIEW", "CONTACTS_MANAGE", "PACKAGES_VIEW", "DOMAINS_VIEW",
                "DOMAINS_MANAGE", "INVOICES_VIEW_PAY", "ORDERS"));
        PlatformIT.assertProblem(http.post("/api/v1/me/forms", Http.json(Map.of("type", "IDENTITY_VERIFICATION_BY_DOCUMENT", "payload",
                Map.of("subject", "OWNER", "signerName", "Mallory", "taxId", "1", "newEmail", uniqueEmail()))), user), 403, "holder-only");
        PlatformIT.assertProblem(http.post("/api/v1/me/forms", Http.json(Map.of("type", "CHANGE_CONTRACT_HOLDER", "payload",
                holder("Mallory", uniqueEmail(), LocalDate.now(ZoneOffset.UTC)))), user), 403, "holder-only");
        PlatformIT.assertProblem(http.post("/api/v1/me/forms/check", Http.json(Map.of("type", "MERGE_CUSTOMER_NUMBERS", "payload",
                Map.of("customerNumber", "12345678", "domain", "x.com", "packagePassword", "whatever-pass"))), user), 403, "holder-only");
        assertEquals(0, http.get("/api/v1/me/forms", token).json().get("total").asInt());
        // what the user was granted still works: verifying a contact is not contract-level
        String contact = http.post("/api/v1/me/contacts", Http.json(Map.of("name", "Tec", "email", uniqueEmail())), user).json().get("id")
                .asText();
        assertEquals(201, http.post("/api/v1/me/forms", Http.json(Map.of("type", "IDENTITY_VERIFICATION_BY_DOCUMENT", "payload",
                Map.of("subject", "CONTACT", "contactId", contact, "signerName", "Tec", "taxId", "1"))), user).status());
    }

    /** An invited user of the holder's account with these permissions. */
    private String invite(String holderToken, List<String> permissions) {
        String userEmail = uniqueEmail();
        assertEquals(201, http.post("/api/v1/me/users/invitations", Http.json(Map.of("email", userEmail, "permissions", permissions)),
                holderToken).status());
        String link = tokenFrom(mailbox.awaitTo(userEmail, "invites you"), Pattern.compile("accept-invitation\\?token=([A-Za-z0-9_-]{43})"));
        assertEquals(204, http.post("/api/v1/auth/invitations/accept", Http.json(Map.of("token", link, "name", "Invited User", "password",
                PASSWORD)), null).status());
        return loginToken(userEmail, PASSWORD);
    }

    // --- helpers -----------------------------------------------------------------------------------------

    private static Map<String, Object> holder(String name, String email, LocalDate day) {
        Map<String, Object> holder = new LinkedHashMap<>();
        holder.put("holderName", name);
        holder.put("email", email);
        holder.put("street", "Calle Nueva 2");
        holder.put("postcode", "41001");
        holder.put("city", "Sevilla");
        holder.put("country", "ES");
        holder.put("taxId", "B87654321");
        holder.put("effectiveDate", day.toString());
        return holder;
    }

    private JsonNode submit(String token, String type, Map<String, Object> payload) {
        Http.Reply reply = http.post("/api/v1/me/forms", Http.json(Map.of("type", type, "payload", payload)), token);
        assertEquals(reply.toString(), 201, reply.status());
        return reply.json();
    }

    /** The token of the acceptance link mailed for a request. */
    private String acceptToken(String requestId) {
        JsonNode request = http.get("/api/v1/admin/forms/" + requestId, adminToken()).json();
        String to = request.get("payload").get("email").asText();
        return tokenFrom(mailbox.awaitTo(to, "Please accept or decline"), ACCEPT);
    }

    private JsonNode accept(String link) {
        Http.Reply reply = http.post("/api/v1/forms/acceptance/accept", Http.json(Map.of("token", link)), null);
        assertEquals(reply.toString(), 200, reply.status());
        return reply.json();
    }

    private void approveTwice(String id, String secondStaff) {
        Http.Reply first = http.post("/api/v1/admin/forms/" + id + "/approve", Http.json(Map.of()), adminToken());
        assertEquals(first.toString(), 200, first.status());
        Http.Reply second = http.post("/api/v1/admin/forms/" + id + "/approve", Http.json(Map.of()), secondStaff);
        assertEquals(second.toString(), 200, second.status());
    }

    private static String tokenFrom(MimeMessage mail, Pattern pattern) {
        Matcher link = pattern.matcher(Mailbox.text(mail));
        assertTrue(Mailbox.text(mail), link.find());
        return link.group(1);
    }
}
