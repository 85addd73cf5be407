package org.hostarea.identity;

import java.util.List;
import java.util.Set;

import org.hostarea.core.access.Permission;
import org.hostarea.core.access.Subject;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Invited users: the holder invites an email with a set of permissions; the invitee accepts the mailed,
 * single-use link by creating their own login (or by proving an existing one) and is linked to the
 * account. The holder changes or revokes the permissions at any time; it counts from the next request.
 * Only the holder manages users ({@code holder-only} 403 for invited users).
 */
@ProviderType
public interface UserService {

    /** @throws org.hostarea.core.ValidationException for a malformed email */
    Invitation invite(Subject holder, String email, Set<Permission> permissions);

    /**
     * Accepts an invitation: with a name and a new password if the email has no login yet, with the
     * password of the existing login otherwise.
     *
     * @throws org.hostarea.core.ValidationException ({@code invitation-token-invalid}) for an unknown, used
     *     or expired link; ({@code validation}) for a missing name or a password that breaks the rules or is wrong
     */
    void accept(String token, String name, String password, ClientInfo client);

    List<LinkedUser> users(Subject holder);

    /** @throws org.hostarea.core.NotFoundException if the link is not one of the holder's account */
    LinkedUser grant(Subject holder, String linkId, Set<Permission> permissions);

    /** Unlinks a user from the account (their login stays for other accounts). */
    void remove(Subject holder, String linkId);

    /**
     * An invitation the system sends on the account's behalf (e.g. to a verified owner contact, who then
     * logs in with their own email and password). Joins the caller's transaction.
     *
     * @param reason recorded in the security log
     */
    Invitation inviteFor(String accountId, String email, Set<Permission> permissions, String reason);

    /** Unlinks the user with this email from the account, if there is one, and ends their sessions on it. */
    void unlinkEmail(String accountId, String email, String reason);
}
