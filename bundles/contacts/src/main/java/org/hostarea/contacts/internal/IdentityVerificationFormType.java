package org.hostarea.contacts.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.hostarea.contacts.Contact;
import org.hostarea.core.FieldChecks;
import org.hostarea.core.access.Permission;
import org.hostarea.forms.spi.FormExecution;
import org.hostarea.forms.spi.FormType;
import org.hostarea.forms.spi.Payloads;
import org.hostarea.identity.AccountService;
import org.hostarea.identity.ClientInfo;
import org.hostarea.identity.CredentialService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * IDENTITY_VERIFICATION_BY_DOCUMENT (seed 002): the signer's full name and tax id, the data to change and a copy of an
 * ID document (at least one attachment before staff may approve).
 * <ul>
 * <li>{@code "subject":"CONTACT"} with {@code contactId}: the contact is verified by the document instead of its email
 * link, with the corrected {@code newName}, {@code newEmail}, {@code newPhone} if given.</li>
 * <li>{@code "subject":"OWNER"}: owner recovery when the owner email is lost; {@code newEmail} becomes the owner's
 * login email ({@code newName} the owner's name) and a link to choose a password goes there. A customer who cannot
 * log in sends the form to support, and staff file it for the account ({@code POST /api/v1/admin/forms}).</li>
 * </ul>
 */
@Component(service = FormType.class)
public class IdentityVerificationFormType implements FormType {

    private static final Set<String> FIELDS = Set.of("subject", "contactId", "signerName", "taxId", "newName", "newEmail", "newPhone");

    private final AccountService accounts;
    private final CredentialService credentials;
    private final ContactServiceImpl contacts;

    @Activate
    public IdentityVerificationFormType(@Reference AccountService accounts, @Reference CredentialService credentials,
            @Reference ContactServiceImpl contacts) {
        this.accounts = accounts;
        this.credentials = credentials;
        this.contacts = contacts;
    }

    @Override
    public String id() {
        return "IDENTITY_VERIFICATION_BY_DOCUMENT";
    }

    @Override
    public String description() {
        return "Verify a contact, or recover the account when the owner email is lost, with an ID document.";
    }

    @Override
    public Permission permission() {
        return Permission.CONTACTS_MANAGE;
    }

    @Override
    public boolean holderOnly(Map<String, Object> payload) {
        return "OWNER".equals(payload.get("subject"));
    }

    @Override
    public boolean reviewRequired() {
        return true;
    }

    @Override
    public int attachmentsRequired(Map<String, Object> payload) {
        return 1;
    }

    @Override
    public Map<String, Object> validate(String accountId, Map<String, Object> payload) {
        FieldChecks checks = new FieldChecks();
        Payloads.onlyKnown(checks, payload, FIELDS);
        String subject = Payloads.text(checks, payload, "subject", 10, true);
        String contactId = Payloads.text(checks, payload, "contactId", 36, false);
        String signer = Payloads.text(checks, payload, "signerName", 200, true);
        String taxId = Payloads.text(checks, payload, "taxId", 30, true);
        String newName = Payloads.text(checks, payload, "newName", 200, false);
        String newEmail = payload.get("newEmail") == null ? null : checks.email("payload.newEmail", Payloads.text(checks, payload, "newEmail",
                254, true));
        String newPhone = Payloads.text(checks, payload, "newPhone", 30, false);
        boolean owner = "OWNER".equals(subject);
        if (subject != null && !owner && !"CONTACT".equals(subject)) {
            checks.reject("payload.subject", "must be CONTACT or OWNER");
        }
        if ("CONTACT".equals(subject) && contactId == null) {
            checks.reject("payload.contactId", "is required to verify a contact");
        }
        if (owner && contactId != null) {
            checks.reject("payload.contactId", "is not part of an owner recovery");
        }
        if (owner && newEmail == null) {
            checks.reject("payload.newEmail", "is required: the owner's new email");
        }
        if (owner && newPhone != null) {
            checks.reject("payload.newPhone", "is a contact's field; change the master data for the account's phone");
        }
        if (newPhone != null && !MasterDataRules.validPhone(newPhone)) {
            checks.reject("payload.newPhone", "must be a phone number");
        }
        checks.throwIfAny();
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("subject", subject);
        if (!owner) {
            Contact contact = contacts.contact(accountId, contactId); // 404 for a contact of another account
            if (contact.role() == org.hostarea.contacts.ContactRole.OWNER && newEmail != null) {
                // an owner contact's email is its login to the customer area: only the holder changes it (contacts)
                throw org.hostarea.core.ValidationException.of("payload.newEmail", "an owner contact's email is changed by the holder");
            }
            stored.put("contactId", contact.id());
            stored.put("contact", contact.name() + " <" + contact.email() + ">");
        } else {
            stored.put("currentOwner", accounts.get(accountId).ownerName());
        }
        stored.put("signerName", signer);
        stored.put("taxId", taxId);
        if (newName != null) {
            stored.put("newName", newName);
        }
        if (newEmail != null) {
            stored.put("newEmail", newEmail);
        }
        if (newPhone != null) {
            stored.put("newPhone", newPhone);
        }
        return stored;
    }

    @Override
    public void execute(FormExecution execution) {
        Map<String, Object> p = execution.payload();
        String newEmail = (String) p.get("newEmail");
        if ("OWNER".equals(p.get("subject"))) {
            if (accounts.changeOwner(execution.accountId(), (String) p.get("newName"), newEmail, false, execution.actor())) {
                credentials.requestReset(newEmail, ClientInfo.UNKNOWN);
            }
            return;
        }
        contacts.verifyByDocument(execution.accountId(), (String) p.get("contactId"), (String) p.get("newName"), newEmail,
                (String) p.get("newPhone"));
    }
}
