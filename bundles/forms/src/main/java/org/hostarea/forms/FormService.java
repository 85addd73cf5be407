package org.hostarea.forms;

import java.util.List;
import java.util.Map;

import org.hostarea.core.Page;
import org.hostarea.core.PageRequest;
import org.hostarea.core.access.Subject;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Contract requests. Customer-side methods take the subject and check, through the authorization service, the
 * permission the request's type needs; another account's request is 404 ({@code form-not-found}), and so is, for an
 * invited user, a request of a type whose permission the holder did not grant them. A transition
 * the state does not allow is 409 ({@code form-transition-invalid}).
 */
@ProviderType
public interface FormService {

    /** The types the installed plugins offer. */
    List<FormTypeInfo> types();

    /**
     * Submits a request; a type without staff review is approved and executed at once.
     *
     * @throws org.hostarea.core.ValidationException ({@code type}) for a type no plugin offers, or a bad payload
     */
    FormRequest submit(Subject subject, String type, Map<String, Object> payload, org.hostarea.identity.ClientInfo client);

    /**
     * Checks a request as {@link #submit} would, without storing it, and answers the payload as it would be stored
     * (for MERGE_CUSTOMER_NUMBERS: both master-data records with the differing fields).
     */
    Map<String, Object> check(Subject subject, String type, Map<String, Object> payload, org.hostarea.identity.ClientInfo client);

    /** Requests of other accounts that concern the subject's account (a domain coming to it, its merge), newest first. */
    Page<FormRequest> incoming(Subject subject, PageRequest page);

    FormRequest incoming(Subject subject, String requestId);

    /**
     * The other party accepts ({@code accept}) or declines a request that waits for it; declining rejects it. An
     * acceptance may carry what the type needs from the receiving account ({@code answer}, e.g. the target package).
     *
     * @throws org.hostarea.core.ConflictException ({@code form-transition-invalid}) if it does not wait for acceptance
     */
    FormRequest answerAsParty(Subject subject, String requestId, boolean accept, String comment, Map<String, Object> answer);

    /**
     * What the acceptance link of a person party shows.
     *
     * @throws org.hostarea.core.NotFoundException ({@code acceptance-not-found}) for an unknown, used or expired token
     */
    Map<String, Object> acceptanceView(String token);

    /** The person party accepts or declines through the link's token. */
    Map<String, Object> answerAsParty(String token, boolean accept, String comment);

    /** Carries out the approved requests whose day has come; answers how many ran. */
    int executeDue(java.time.LocalDate asOf);

    Page<FormRequest> requests(Subject subject, FormStatus status, PageRequest page);

    FormRequest get(Subject subject, String requestId);

    /** NEEDS_INFO → SUBMITTED with the customer's answer. */
    FormRequest answer(Subject subject, String requestId, String comment);

    /** SUBMITTED or NEEDS_INFO → WITHDRAWN. */
    FormRequest withdraw(Subject subject, String requestId, String comment);

    /**
     * Adds a document while the request is open: PDF, JPEG or PNG (by content), at most the configured size.
     *
     * @throws org.hostarea.core.ValidationException ({@code attachment}) otherwise
     */
    AttachmentInfo attach(Subject subject, String requestId, String fileName, byte[] content);

    Attachment attachment(Subject subject, String requestId, String attachmentId);

    /** The configured size limit of an attachment, in bytes (uploads are read no further than one byte past it). */
    int maxAttachmentBytes();

    // --- staff ---

    /** The queue: {@code type}, {@code status}, {@code assignee} optional filters; oldest first. */
    Page<FormRequest> queue(String type, FormStatus status, String assignee, PageRequest page);

    FormRequest get(String requestId);

    /**
     * Staff file a request for an account (a customer who cannot log in sent the form and documents to support, e.g. to
     * recover the account when the owner's email is lost). It waits for review like any other.
     */
    FormRequest submitFor(String accountId, String type, Map<String, Object> payload, String actor);

    /** Staff add a document the customer sent them. */
    AttachmentInfo attach(String requestId, String fileName, byte[] content, String actor);

    FormRequest assign(String requestId, String assignee, String actor);

    /** SUBMITTED → NEEDS_INFO; the comment says what is missing. */
    FormRequest requestInformation(String requestId, String comment, String actor);

    /**
     * Approves (a second, different staff member's approval is needed for four-eyes types) and executes: EXECUTED if
     * the executor committed, FAILED with its error otherwise.
     */
    FormRequest approve(String requestId, String comment, String actor);

    FormRequest reject(String requestId, String comment, String actor);

    /** FAILED → executes again. */
    FormRequest retry(String requestId, String actor);

    Attachment attachment(String requestId, String attachmentId);

    /** Deletes the attachments of requests decided before the retention; answers how many. */
    int purgeAttachments(java.time.LocalDate asOf);
}
