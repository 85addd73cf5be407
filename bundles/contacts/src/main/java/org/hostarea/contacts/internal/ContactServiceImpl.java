package org.hostarea.contacts.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.PersistenceException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.hostarea.contacts.Contact;
import org.hostarea.contacts.ContactInput;
import org.hostarea.contacts.ContactRole;
import org.hostarea.contacts.ContactService;
import org.hostarea.contacts.EmailCategory;
import org.hostarea.contacts.Profile;
import org.hostarea.contacts.ProfileChange;
import org.hostarea.contacts.ProfileUpdate;
import org.hostarea.core.ConflictException;
import org.hostarea.core.FieldChecks;
import org.hostarea.core.FieldError;
import org.hostarea.core.NotFoundException;
import org.hostarea.core.SecretTokens;
import org.hostarea.core.ValidationException;
import org.hostarea.contacts.RoleRights;
import org.hostarea.identity.AccountService;
import org.hostarea.identity.UserService;
import org.hostarea.notifications.NotificationService;
import org.hostarea.notifications.OutgoingMessage;
import org.hostarea.notifications.spi.RecipientResolver;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Master data and contacts. Role limits hold under concurrency because every contact change first takes
 * a write lock on the account's profile row. A new or changed email address gets a single-use
 * verification link; until it is confirmed the contact receives nothing else. As the notifications'
 * {@link RecipientResolver}, it answers "category X of account A" with the verified contacts subscribed
 * to X, plus the role that stands for it by default (INVOICES: the billing contact; PRODUCTS: the
 * technical one). Owner contacts get the client area: once verified, their address is invited to a login
 * of its own with the OWNER rights ({@link RoleRights}); losing the role or the contact unlinks it.
 */
@Component(service = {ContactService.class, RecipientResolver.class, ContactServiceImpl.class}, configurationPid = ContactsConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ContactsConfiguration.class)
public class ContactServiceImpl implements ContactService, RecipientResolver {

    static final String VERIFY_TEMPLATE = "contacts.verify-email";
    private static final Map<EmailCategory, ContactRole> DEFAULT_ROLE = Map.of(EmailCategory.INVOICES, ContactRole.BILLING,
            EmailCategory.PRODUCTS, ContactRole.TECHNICAL);

    private final JpaTemplate jpa;
    private final Clock clock;
    private final NotificationService notifications;
    private final AccountService accounts;
    private final UserService users;
    private final SecretTokens tokens = new SecretTokens(new SecureRandom());
    private volatile String linkTemplate;
    private volatile Duration tokenLifetime;

    @Activate
    public ContactServiceImpl(@Reference(target = "(osgi.unit.name=contacts)") JpaTemplate jpa,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) Clock clock, @Reference NotificationService notifications,
            @Reference AccountService accounts, @Reference UserService users, ContactsConfiguration config) {
        this.jpa = jpa;
        this.clock = clock;
        this.notifications = notifications;
        this.accounts = accounts;
        this.users = users;
        configure(config);
    }

    @Modified
    void configure(ContactsConfiguration config) {
        this.linkTemplate = config.verify_linkTemplate();
        this.tokenLifetime = Duration.ofHours(config.verify_tokenHours());
    }

    @Override
    public Profile profile(String accountId) {
        return jpa.txExpr(TransactionType.Supports, em -> Optional.ofNullable(em.find(ProfileEntity.class, accountId))
                .orElseGet(() -> new ProfileEntity(accountId)).toDto());
    }

    @Override
    public Profile updateProfile(String accountId, ProfileUpdate update, String actor) {
        ProfileUpdate clean = validate(ValidationException.requireBody(update));
        ensureProfile(accountId);
        return jpa.txExpr(TransactionType.Required, em -> {
            ProfileEntity profile = lockProfile(em, accountId);
            Map<String, String> before = profile.fields();
            Instant now = clock.instant();
            profile.replace(clean, now);
            audit(em, accountId, before, profile, actor, now);
            return profile.toDto();
        });
    }

    /**
     * A merge adopts the merged number's master data ("Daten übernehmen"): copied as it is (it was valid there), every
     * changed field audited like a change by the customer.
     */
    void adoptProfile(String intoAccountId, String fromAccountId, String actor) {
        ensureProfile(intoAccountId);
        jpa.tx(TransactionType.Required, em -> {
            Profile source = Optional.ofNullable(em.find(ProfileEntity.class, fromAccountId)).orElseGet(() -> new ProfileEntity(fromAccountId))
                    .toDto();
            ProfileEntity profile = lockProfile(em, intoAccountId);
            Map<String, String> before = profile.fields();
            Instant now = clock.instant();
            profile.replace(new ProfileUpdate(source.holderName(), source.company(), source.street(), source.postcode(), source.city(),
                    source.country(), source.phone(), source.mobile(), source.email(), source.iban(), source.bic(), source.taxId()), now);
            audit(em, intoAccountId, before, profile, actor, now);
        });
    }

    /**
     * An ID document verified a contact (instead of its email link): the contact is verified, with the corrections the
     * request carried ({@code null}: unchanged). Doing it again changes nothing.
     */
    Contact verifyByDocument(String accountId, String contactId, String name, String email, String phone) {
        ensureProfile(accountId);
        return jpa.txExpr(TransactionType.Required, em -> {
            lockProfile(em, accountId);
            ContactEntity contact = find(em, accountId, contactId);
            if (contact == null) {
                throw notFound();
            }
            Contact current = contact.toDto();
            contact.set(name == null ? current.name() : name, email == null ? current.email() : email, phone == null ? current.phone() : phone,
                    current.role(), current.categories());
            contact.verified();
            return contact.toDto();
        });
    }

    /** One audit row per field whose value changed. */
    private static void audit(EntityManager em, String accountId, Map<String, String> before, ProfileEntity profile, String actor,
            Instant now) {
        profile.fields().forEach((field, value) -> {
            if (!Objects.equals(before.get(field), value)) {
                em.persist(new ProfileChangeEntity(UUID.randomUUID().toString(), accountId, field, before.get(field), value, actor, now));
            }
        });
    }

    @Override
    public List<ProfileChange> profileChanges(String accountId) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("select c from ProfileChangeEntity c where c.accountId = :a"
                + " order by c.changedAt desc, c.id", ProfileChangeEntity.class).setParameter("a", accountId).setMaxResults(500)
                .getResultStream().map(ProfileChangeEntity::toDto).toList());
    }

    @Override
    public List<Contact> contacts(String accountId) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("select c from ContactEntity c where c.accountId = :a"
                + " order by c.createdAt, c.id", ContactEntity.class).setParameter("a", accountId)
                .getResultStream().map(ContactEntity::toDto).toList());
    }

    @Override
    public Contact contact(String accountId, String contactId) {
        return jpa.txExpr(TransactionType.Supports, em -> Optional.ofNullable(find(em, accountId, contactId)).map(ContactEntity::toDto))
                .orElseThrow(ContactServiceImpl::notFound);
    }

    @Override
    public Contact add(String accountId, ContactInput input, boolean byHolder) {
        ContactInput clean = validate(ValidationException.requireBody(input));
        if (clean.role() == ContactRole.OWNER && !byHolder) {
            throw holderOnly();
        }
        ensureProfile(accountId);
        String language = accounts.get(accountId).language();
        Contact added = jpa.txExpr(TransactionType.Required, em -> {
            lockProfile(em, accountId);
            if (clean.role() != null && roleCount(em, accountId, clean.role(), null) >= clean.role().limit()) {
                return null;
            }
            ContactEntity contact = new ContactEntity(UUID.randomUUID().toString(), accountId, clock.instant());
            contact.set(clean.name(), clean.email(), clean.phone(), clean.role(), clean.categories());
            em.persist(contact);
            sendVerification(em, contact, language);
            return contact.toDto();
        });
        if (added == null) {
            throw roleLimit(clean.role());
        }
        return added;
    }

    @Override
    public Contact update(String accountId, String contactId, ContactInput input, boolean byHolder) {
        ContactInput clean = validate(ValidationException.requireBody(input));
        String language = accounts.get(accountId).language();
        if (!byHolder && (clean.role() == ContactRole.OWNER || contact(accountId, contactId).role() == ContactRole.OWNER)) {
            throw holderOnly();
        }
        Optional<Contact> updated = jpa.txExpr(TransactionType.Required, em -> {
            lockProfile(em, accountId);
            ContactEntity contact = find(em, accountId, contactId);
            if (contact == null) {
                return null;
            }
            boolean becomesOwner = clean.role() == ContactRole.OWNER && contact.role() != ContactRole.OWNER;
            if (clean.role() != null && clean.role() != contact.role()
                    && roleCount(em, accountId, clean.role(), contactId) >= clean.role().limit()) {
                return Optional.<Contact>empty();
            }
            if (contact.role() == ContactRole.OWNER && (clean.role() != ContactRole.OWNER || !contact.email().equalsIgnoreCase(clean.email()))) {
                users.unlinkEmail(accountId, contact.email(), "contact:" + contact.id() + " is no longer an owner");
            }
            if (contact.set(clean.name(), clean.email(), clean.phone(), clean.role(), clean.categories())) {
                sendVerification(em, contact, language);
            } else if (becomesOwner && contact.toDto().verified()) {
                inviteOwner(contact); // already verified: the new owner gets the client area now
            }
            return Optional.of(contact.toDto());
        });
        if (updated == null) {
            throw notFound();
        }
        return updated.orElseThrow(() -> roleLimit(clean.role()));
    }

    /** Removes a contact; an owner contact's login loses the account with it. */
    @Override
    public void remove(String accountId, String contactId, boolean byHolder) {
        if (!byHolder && contact(accountId, contactId).role() == ContactRole.OWNER) {
            throw holderOnly();
        }
        boolean removed = jpa.txExpr(TransactionType.Required, em -> {
            ContactEntity contact = find(em, accountId, contactId);
            if (contact == null) {
                return false;
            }
            if (contact.role() == ContactRole.OWNER) {
                users.unlinkEmail(accountId, contact.email(), "owner contact:" + contact.id() + " removed");
            }
            em.remove(contact);
            return true;
        });
        if (!removed) {
            throw notFound();
        }
    }

    @Override
    public void verify(String token) {
        Instant now = clock.instant();
        String tokenHash = SecretTokens.wellFormed(token) ? SecretTokens.hash(token) : null;
        boolean verified = tokenHash != null && jpa.txExpr(TransactionType.Required, em -> {
            VerificationEntity link = em.createQuery("select v from VerificationEntity v where v.tokenHash = :h", VerificationEntity.class)
                    .setParameter("h", tokenHash).getResultStream().findFirst().orElse(null);
            if (link == null || !link.usable(now)) {
                return false;
            }
            ContactEntity contact = em.find(ContactEntity.class, link.contactId());
            if (contact == null || !contact.email().equalsIgnoreCase(link.email())) {
                return false; // removed, or its address changed since the link was sent
            }
            int used = em.createQuery("update VerificationEntity v set v.usedAt = :now where v.tokenHash = :h and v.usedAt is null")
                    .setParameter("now", now.toEpochMilli()).setParameter("h", tokenHash).executeUpdate();
            if (used == 1) {
                contact.verified();
                if (contact.role() == ContactRole.OWNER) {
                    inviteOwner(contact);
                }
            }
            return used == 1;
        });
        if (!verified) {
            throw new ValidationException("verification-token-invalid", "The link is unknown, used or expired.",
                    List.of(new FieldError("token", "is unknown, used or expired")));
        }
    }

    @Override
    public Set<String> recipients(String accountId, String category) {
        EmailCategory wanted = EmailCategory.valueOf(category);
        ContactRole byDefault = DEFAULT_ROLE.get(wanted);
        Set<String> recipients = new LinkedHashSet<>();
        for (Contact contact : contacts(accountId)) {
            if (contact.verified() && (contact.categories().contains(wanted) || (byDefault != null && contact.role() == byDefault))) {
                recipients.add(contact.email());
            }
        }
        return recipients;
    }

    /** The client area belongs to owner contacts: their verified address is invited to a login of its own. */
    private void inviteOwner(ContactEntity contact) {
        users.inviteFor(contact.accountId(), contact.email(), RoleRights.permissions(ContactRole.OWNER),
                "owner contact:" + contact.id());
    }

    private void sendVerification(EntityManager em, ContactEntity contact, String language) {
        String token = tokens.newToken();
        em.persist(new VerificationEntity(UUID.randomUUID().toString(), SecretTokens.hash(token), contact.id(), contact.email(),
                clock.instant().plus(tokenLifetime)));
        notifications.send(OutgoingMessage.email(VERIFY_TEMPLATE, contact.accountId(), language, List.of(contact.email()),
                Map.of("name", contact.name(), "link", linkTemplate.replace("{token}", token), "hours", tokenLifetime.toHours()))
                .asSensitive());
    }

    /**
     * The profile row exists before anyone locks it (two first creators race harmlessly here). Only where this call
     * starts its own transaction: inside a caller's transaction (a request being carried out) the row is created in that
     * transaction by {@link #lockProfile}, never in a nested one, so a rolled-back execution leaves nothing behind and the
     * persistence context the caller's thread shares is never joined to a second transaction.
     */
    private void ensureProfile(String accountId) {
        if (jpa.txExpr(TransactionType.Supports, em -> em.isJoinedToTransaction() || em.find(ProfileEntity.class, accountId) != null)) {
            return;
        }
        try {
            jpa.tx(TransactionType.RequiresNew, em -> {
                em.persist(new ProfileEntity(accountId));
                em.flush();
            });
        } catch (PersistenceException | IllegalStateException e) {
            if (jpa.txExpr(TransactionType.Supports, em -> em.find(ProfileEntity.class, accountId)) == null) {
                throw e;
            }
        }
    }

    /** The account's profile row, locked for this transaction; created in it if the account has none yet. */
    private static ProfileEntity lockProfile(EntityManager em, String accountId) {
        ProfileEntity profile = em.find(ProfileEntity.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        if (profile == null) {
            profile = new ProfileEntity(accountId);
            em.persist(profile);
            em.flush(); // a concurrent first creator fails here, on the key, and the caller's transaction rolls back
        }
        return profile;
    }

    private static long roleCount(EntityManager em, String accountId, ContactRole role, String exceptId) {
        return em.createQuery("select count(c) from ContactEntity c where c.accountId = :a and c.role = :r and c.id <> :except",
                Long.class).setParameter("a", accountId).setParameter("r", role)
                .setParameter("except", exceptId == null ? "" : exceptId).getSingleResult();
    }

    private static ContactEntity find(EntityManager em, String accountId, String contactId) {
        ContactEntity contact = contactId == null ? null : em.find(ContactEntity.class, contactId);
        return contact != null && contact.accountId().equals(accountId) ? contact : null;
    }

    /** The master-data rules, also for form types that carry master data (a new contract holder). */
    static ProfileUpdate validate(ProfileUpdate u) {
        FieldChecks checks = new FieldChecks();
        String holderName = checks.text("holderName", u.holderName(), 200);
        String company = checks.optionalText("company", u.company(), 200);
        String street = checks.optionalText("street", u.street(), 200);
        String postcode = checks.optionalText("postcode", u.postcode(), 20);
        String city = checks.optionalText("city", u.city(), 100);
        String country = checks.optionalText("country", u.country(), 2);
        if (country != null && !MasterDataRules.validCountry(country)) {
            checks.reject("country", "must be an ISO 3166-1 alpha-2 code such as ES or DE");
        }
        String phone = checks.optionalText("phone", u.phone(), 30);
        if (phone != null && !MasterDataRules.validPhone(phone)) {
            checks.reject("phone", "must be a phone number");
        }
        String mobile = checks.optionalText("mobile", u.mobile(), 30);
        if (mobile != null && !MasterDataRules.validPhone(mobile)) {
            checks.reject("mobile", "must be a phone number");
        }
        String email = u.email() == null || u.email().isBlank() ? null : checks.email("email", u.email());
        String iban = checks.optionalText("iban", u.iban(), 42);
        if (iban != null) {
            iban = MasterDataRules.normaliseIban(iban);
            if (!MasterDataRules.validIban(iban)) {
                checks.reject("iban", "is not a valid IBAN");
            }
        }
        String bic = checks.optionalText("bic", u.bic(), 11);
        if (bic != null && !MasterDataRules.validBic(bic)) {
            checks.reject("bic", "is not a valid BIC");
        }
        String taxId = checks.optionalText("taxId", u.taxId(), 30);
        checks.throwIfAny();
        return new ProfileUpdate(holderName, company, street, postcode, city, country, phone, mobile, email, iban,
                bic == null ? null : bic.toUpperCase(java.util.Locale.ROOT), taxId);
    }

    private static ContactInput validate(ContactInput c) {
        FieldChecks checks = new FieldChecks();
        String name = checks.text("name", c.name(), 200);
        String email = checks.email("email", c.email());
        String phone = checks.optionalText("phone", c.phone(), 30);
        if (phone != null && !MasterDataRules.validPhone(phone)) {
            checks.reject("phone", "must be a phone number");
        }
        if (c.categories() != null && c.categories().stream().anyMatch(java.util.Objects::isNull)) { // Set.of(...).contains(null) throws
            checks.reject("categories", "must be GENERAL, PRODUCTS, DOMAINS, INVOICES or SUPPORT");
        }
        checks.throwIfAny();
        Set<EmailCategory> categories = c.categories() == null || c.categories().isEmpty() ? EnumSet.noneOf(EmailCategory.class)
                : EnumSet.copyOf(c.categories());
        return new ContactInput(name, email, phone, c.role(), categories);
    }

    private static org.hostarea.core.ForbiddenException holderOnly() {
        return new org.hostarea.core.ForbiddenException("holder-only", "Only the account holder may make, change or remove owner contacts.");
    }

    private static ConflictException roleLimit(ContactRole role) {
        return new ConflictException("role-limit", "An account may have at most " + role.limit() + " " + role + " contact"
                + (role.limit() == 1 ? "" : "s") + ".");
    }

    private static NotFoundException notFound() {
        return new NotFoundException("contact-not-found", "There is no such contact.");
    }
}
