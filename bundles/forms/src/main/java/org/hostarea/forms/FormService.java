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
    FormRequest submit(Subject subject, String type, Map<String, Object> payload);

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
