package org.hostarea.itests;

import static org.hostarea.itests.PlatformIT.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

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
 * Invited users: invitation by mail, acceptance with an own login, permissions granted and revoked by the
 * holder (counting from the next request), one user on two accounts, and nothing for anyone else.
 */
public class UsersIT extends HostareaTestSupport {

    private static final Pattern LINK = Pattern.compile("accept-invitation\\?token=([A-Za-z0-9_-]{43})");

    private final Mailbox mailbox = new Mailbox(SMTP_PORT);
    private String holderEmail;
    private String holder;
    private String accountId;

    @Before
    public void setUp() {
        installFeature("hostarea-notify-email");
        mailbox.start();
        holderEmail = uniqueEmail();
        accountId = createCustomer("Hilda Holder", holderEmail, "hilda-password-1").get("id").asText();
        holder = loginToken(holderEmail, "hilda-password-1");
    }

    @After
    public void tearDown() {
        mailbox.stop();
    }

    @Test
    public void aUserWithOnlyMessagesViewSeesMessagesAndNothingElseUntilGrantedMore() {
        String userEmail = uniqueEmail();
        String user = inviteAndAccept(holder, userEmail, List.of("MESSAGES_VIEW"), "Ulla User", "ulla-password-1");
        JsonNode login = login(userEmail, "ulla-password-1").json();
        assertEquals("USER", login.get("scope").get("type").asText());
        assertEquals(accountId, login.get("scope").get("accountId").asText());

        assertEquals(200, http.get("/api/v1/me/messages", user).status());
        assertProblem(http.get("/api/v1/me/contacts", user), 403, "missing-permission");
        assertProblem(http.get("/api/v1/me/profile", user), 403, "missing-permission");
        assertProblem(http.post("/api/v1/me/users/invitations", Http.json(Map.of("email", uniqueEmail(), "permissions", List.of())),
                user), 403, "holder-only");
        assertProblem(http.send("PUT", "/api/v1/me/password", Http.json(Map.of("currentPassword", "ulla-password-1",
                "newPassword", "something-else-1")), "application/json", user, Map.of()), 403, "holder-only");

        String linkId = http.get("/api/v1/me/users", holder).json().get(0).get("id").asText();
        Http.Reply granted = http.send("PUT", "/api/v1/me/users/" + linkId + "/permissions",
                Http.json(Map.of("permissions", List.of("MESSAGES_VIEW", "CONTACTS_VIEW"))), "application/json", holder, Map.of());
        assertEquals(granted.toString(), 200, granted.status());
        assertEquals("granted: the same token, the next request", 200, http.get("/api/v1/me/contacts", user).status());

        http.send("PUT", "/api/v1/me/users/" + linkId + "/permissions", Http.json(Map.of("permissions", List.of("CONTACTS_VIEW"))),
                "application/json", holder, Map.of());
        assertProblem(http.get("/api/v1/me/messages", user), 403, "missing-permission");

        assertEquals(204, http.send("DELETE", "/api/v1/me/users/" + linkId, null, null, holder, Map.of()).status());
        assertProblem(http.get("/api/v1/me/contacts", user), 401, "unauthenticated");
        assertProblem(login(userEmail, "ulla-password-1"), 401, "invalid-credentials");
    }

    @Test
    public void oneUserOnTwoAccountsChoosesWhichOneASessionActsOn() {
        String userEmail = uniqueEmail();
        inviteAndAccept(holder, userEmail, List.of("MESSAGES_VIEW"), "Multi", "multi-password-1");
        String otherHolderEmail = uniqueEmail();
        String otherAccount = createCustomer("Otto Other", otherHolderEmail, "otto-password-1").get("id").asText();
        String otherHolder = loginToken(otherHolderEmail, "otto-password-1");
        http.post("/api/v1/me/users/invitations", Http.json(Map.of("email", userEmail, "permissions", List.of("CONTACTS_VIEW"))), otherHolder);
        String token = tokenFrom(mailbox.awaitTo(userEmail, "Otto Other invites you"));
        Http.Reply wrongPassword = http.post("/api/v1/auth/invitations/accept", Http.json(Map.of("token", token, "password", "not-mine-at-all")), null);
        assertProblem(wrongPassword, 400, "validation");
        assertEquals(204, http.post("/api/v1/auth/invitations/accept", Http.json(Map.of("token", token, "password", "multi-password-1")),
                null).status());

        Http.Reply onOther = http.post("/api/v1/auth/login", Http.json(Map.of("login", userEmail, "password", "multi-password-1",
                "accountId", otherAccount)), null);
        assertEquals(onOther.toString(), 200, onOther.status());
        String other = onOther.json().get("token").asText();
        assertEquals(otherAccount, http.get("/api/v1/me", other).json().get("id").asText());
        assertEquals(200, http.get("/api/v1/me/contacts", other).status());
        assertProblem(http.get("/api/v1/me/messages", other), 403, "missing-permission");

        Http.Reply notLinked = http.post("/api/v1/auth/login", Http.json(Map.of("login", userEmail, "password", "multi-password-1",
                "accountId", "00000000-0000-0000-0000-000000000000")), null);
        assertProblem(notLinked, 401, "invalid-credentials");
    }

    @Test
    public void invitationsWorkOnceAndLinksOfOtherAccountsAreNotFound() {
        String userEmail = uniqueEmail();
        http.post("/api/v1/me/users/invitations", Http.json(Map.of("email", userEmail, "permissions", List.of("SUPPORT"))), holder);
        String token = tokenFrom(mailbox.awaitTo(userEmail, "Hilda Holder invites you"));
        assertProblem(http.post("/api/v1/auth/invitations/accept", Http.json(Map.of("token", token, "name", "Weak", "password", "short")),
                null), 400, "validation");
        assertEquals(204, http.post("/api/v1/auth/invitations/accept",
                Http.json(Map.of("token", token, "name", "Once", "password", "once-password-1")), null).status());
        assertProblem(http.post("/api/v1/auth/invitations/accept",
                Http.json(Map.of("token", token, "name", "Twice", "password", "twice-password-1")), null), 400, "invitation-token-invalid");

        String linkId = http.get("/api/v1/me/users", holder).json().get(0).get("id").asText();
        String strangerEmail = uniqueEmail();
        createCustomer("Stranger", strangerEmail, "stranger-password");
        String stranger = loginToken(strangerEmail, "stranger-password");
        assertProblem(http.send("PUT", "/api/v1/me/users/" + linkId + "/permissions",
                Http.json(Map.of("permissions", List.of("ORDERS"))), "application/json", stranger, Map.of()), 404, "user-not-found");
        assertProblem(http.send("DELETE", "/api/v1/me/users/" + linkId, null, null, stranger, Map.of()), 404, "user-not-found");
        assertEquals(0, http.get("/api/v1/me/users", stranger).json().size());
        assertProblem(http.post("/api/v1/me/users/invitations", Http.json(Map.of("email", "x@example.org\r\nBcc: y@example.org",
                "permissions", List.of())), holder), 400, "validation");
        assertProblem(http.post("/api/v1/me/users/invitations", Http.json(Map.of("email", uniqueEmail(),
                "permissions", List.of("EVERYTHING"))), holder), 400, "validation");
    }

    @Test
    public void contactsManagersCannotMakeOwnersAndRevocationCancelsPendingInvitations() {
        String userEmail = uniqueEmail();
        String user = inviteAndAccept(holder, userEmail, List.of("CONTACTS_MANAGE", "CONTACTS_VIEW"), "Carl Contacts", "carl-password-1");
        assertProblem(http.post("/api/v1/me/contacts", Http.json(Map.of("name", "Me", "email", uniqueEmail(), "role", "OWNER")), user),
                403, "holder-only");
        assertEquals(201, http.post("/api/v1/me/contacts", Http.json(Map.of("name", "Tech", "email", uniqueEmail(), "role", "TECHNICAL")),
                user).status());

        // the holder invites the same user again with more, then removes them: the pending invitation dies too
        http.post("/api/v1/me/users/invitations", Http.json(Map.of("email", userEmail, "permissions", List.of("ORDERS"))), holder);
        String pending = tokenFrom(mailbox.await("second invitation", mail -> Mailbox.to(mail, userEmail)
                && Mailbox.text(mail).contains("invites you") && mailbox.count(m -> Mailbox.to(m, userEmail)) >= 2
                && mail == mailbox.all().stream().filter(m -> Mailbox.to(m, userEmail)).reduce((a, b) -> b).orElse(null)));
        String linkId = http.get("/api/v1/me/users", holder).json().get(0).get("id").asText();
        assertEquals(204, http.send("DELETE", "/api/v1/me/users/" + linkId, null, null, holder, Map.of()).status());
        assertProblem(http.post("/api/v1/auth/invitations/accept", Http.json(Map.of("token", pending, "password", "carl-password-1")), null),
                400, "invitation-token-invalid");
        assertProblem(login(userEmail, "carl-password-1"), 401, "invalid-credentials");
    }

    @Test
    public void theInvitationComesInTheAccountsLanguage() {
        String spanishEmail = uniqueEmail();
        assertTrue(shell("hostarea:customer-add --language es --password pilar-password-1 'Pilar Pérez' " + spanishEmail)
                .contains("Created customer"));
        String spanish = loginToken(spanishEmail, "pilar-password-1");
        String invitee = uniqueEmail();
        assertEquals(201, http.post("/api/v1/me/users/invitations", Http.json(Map.of("email", invitee, "permissions", List.of())),
                spanish).status());
        MimeMessage mail = mailbox.awaitTo(invitee, "Pilar Pérez le invita a su cuenta de hosting");
        assertTrue(Mailbox.text(mail).contains("Acepte en los próximos 7 días"));
    }

    /** The holder invites; the invitee accepts with a new login and logs in. Returns the user's token. */
    private String inviteAndAccept(String holderToken, String email, List<String> permissions, String name, String password) {
        Http.Reply invited = http.post("/api/v1/me/users/invitations", Http.json(Map.of("email", email, "permissions", permissions)),
                holderToken);
        assertEquals(invited.toString(), 201, invited.status());
        String token = tokenFrom(mailbox.awaitTo(email, "invites you"));
        Http.Reply accepted = http.post("/api/v1/auth/invitations/accept",
                Http.json(Map.of("token", token, "name", name, "password", password)), null);
        assertEquals(accepted.toString(), 204, accepted.status());
        return loginToken(email, password);
    }

    private static String tokenFrom(MimeMessage mail) {
        Matcher link = LINK.matcher(Mailbox.text(mail));
        assertTrue(Mailbox.text(mail), link.find());
        return link.group(1);
    }
}
