package org.hostarea.forms.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.hostarea.core.ConflictException;
import org.hostarea.core.FieldChecks;
import org.hostarea.core.NotFoundException;
import org.hostarea.core.Page;
import org.hostarea.core.PageRequest;
import org.hostarea.core.ValidationException;
import org.hostarea.core.access.AuthorizationService;
import org.hostarea.core.access.Subject;
import org.hostarea.core.jpa.PagedQuery;
import org.hostarea.core.jpa.Reads;
import org.hostarea.forms.Attachment;
import org.hostarea.forms.AttachmentInfo;
import org.hostarea.forms.FormRequest;
import org.hostarea.forms.FormService;
import org.hostarea.forms.FormStatus;
import org.hostarea.forms.FormTypeInfo;
import org.hostarea.forms.spi.FormExecution;
import org.hostarea.forms.spi.FormType;
import org.hostarea.forms.spi.Party;
import org.hostarea.identity.ClientInfo;
import org.hostarea.core.SecretTokens;
import org.hostarea.identity.Account;
import org.hostarea.identity.AccountService;
import org.hostarea.notifications.NotificationService;
import org.hostarea.notifications.OutgoingMessage;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workflow. Each transition locks the request row, checks the state it comes from, appends to the history and
 * queues the customer's mail in one transaction. Execution runs the type's executor inside the transaction that
 * marks the request EXECUTED; if it throws, that rolls back and a second transaction records FAILED with the error.
 */
@Component(service = FormService.class, configurationPid = FormsConfiguration.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = FormsConfiguration.class)
public class FormServiceImpl implements FormService {

    private static final Logger LOG = LoggerFactory.getLogger(FormServiceImpl.class);
    static final String TEMPLATE = "forms.request-status";
    static final String PARTY_TEMPLATE = "forms.party-status";
    static final String ACCEPTANCE_TEMPLATE = "forms.acceptance-requested";
    private static final String PENDING = "PENDING";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final JpaTemplate jpa;
    private final Clock clock;
    private final FormTypes types;
    private final AuthorizationService authorization;
    private final AccountService accounts;
    private final NotificationService notifications;
    private final ObjectMapper json = new ObjectMapper();
    private final SecretTokens tokens = new SecretTokens(new java.security.SecureRandom());
    private volatile FormsConfiguration config;

    @Activate
    public FormServiceImpl(@Reference(target = "(osgi.unit.name=forms)") JpaTemplate jpa,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) Clock clock, @Reference FormTypes types,
            @Reference AuthorizationService authorization, @Reference AccountService accounts,
            @Reference NotificationService notifications, FormsConfiguration config) {
        this.jpa = jpa;
        this.clock = clock;
        this.types = types;
        this.authorization = authorization;
        this.accounts = accounts;
        this.notifications = notifications;
        this.config = config;
    }

    @Modified
    void configure(FormsConfiguration config) {
        this.config = config;
    }

    private boolean fourEyes(String type) {
        return Arrays.stream(config.fourEyes_types().split(",")).map(String::strip).anyMatch(type::equals);
    }

    @Override
    public List<FormTypeInfo> types() {
        return types.all().stream().map(t -> new FormTypeInfo(t.id(), t.description(), t.permission().name(),
                t.reviewRequired() || fourEyes(t.id()), fourEyes(t.id()))).toList();
    }

    // --- customer --------------------------------------------------------------------------------------

    @Override
    public FormRequest submit(Subject subject, String type, Map<String, Object> payload, ClientInfo client) {
        FormType formType = type(type);
        String accountId = authorization.requireAccount(subject, formType.permission());
        requireHolderIfAsked(subject, formType, payload);
        Map<String, Object> validated = formType.validate(accountId, payload == null ? Map.of() : payload, client);
        return store(formType, accountId, subject.actor(), validated);
    }

    @Override
    public Map<String, Object> check(Subject subject, String type, Map<String, Object> payload, ClientInfo client) {
        FormType formType = type(type);
        String accountId = authorization.requireAccount(subject, formType.permission());
        requireHolderIfAsked(subject, formType, payload);
        return formType.validate(accountId, payload == null ? Map.of() : payload, client);
    }

    @Override
    public FormRequest submitFor(String accountId, String type, Map<String, Object> payload, String actor) {
        FormType formType = type(type);
        Account account = accounts.get(accountId);
        Map<String, Object> validated = formType.validate(account.id(), payload == null ? Map.of() : payload, ClientInfo.UNKNOWN);
        FormRequest stored = store(formType, account.id(), actor, validated);
        return get(stored.id());
    }

    private static void requireHolderIfAsked(Subject subject, FormType type, Map<String, Object> payload) {
        if (!subject.holder() && type.holderOnly(payload == null ? Map.of() : payload)) {
            throw new org.hostarea.core.ForbiddenException("holder-only", "Only the account holder may ask for this.");
        }
    }

    private FormType type(String type) {
        return types.get(type).orElseThrow(() -> ValidationException.of("type", "is not a request type on offer: "
                + types.all().stream().map(FormType::id).collect(Collectors.joining(", "))));
    }

    private FormRequest store(FormType formType, String accountId, String actor, Map<String, Object> validated) {
        String stored = write(validated);
        String id = UUID.randomUUID().toString();
        Party party = formType.otherParty(validated).orElse(null);
        boolean acceptance = party != null && formType.acceptanceRequired(validated);
        jpa.tx(TransactionType.Required, em -> {
            FormRequestEntity request = new FormRequestEntity(id, formType.id(), accountId, actor, stored, clock.instant());
            if (party != null) {
                request.otherParty(party);
            }
            request.executeOn(formType.executeOn(validated));
            String token = null;
            if (acceptance) {
                request.acceptance(PENDING);
                if (party.email() != null) {
                    token = tokens.newToken();
                    request.acceptToken(SecretTokens.hash(token), clock.instant().plus(java.time.Duration.ofDays(
                            Math.max(1, config.acceptance_days()))));
                }
            }
            em.persist(request);
            transition(em, request, null, FormStatus.SUBMITTED, actor, null, true);
            if (acceptance) {
                askToAccept(request, token);
            }
        });
        boolean review = formType.reviewRequired() || fourEyes(formType.id()) || acceptance; // four eyes: always reviewed
        if (!review) {
            jpa.tx(TransactionType.Required, em -> {
                FormRequestEntity request = em.find(FormRequestEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
                request.approvedBy("system");
                transition(em, request, FormStatus.SUBMITTED, FormStatus.APPROVED, "system", "no review needed", false);
            });
            executeWhenDue(id, "system");
        }
        return forCustomer(get(id));
    }

    /** Mails the other party what it is asked to accept: a person gets the link, an account is told to log in. */
    private void askToAccept(FormRequestEntity request, String token) {
        Account account = accounts.get(request.accountId());
        Party party = request.otherParty();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("type", request.type());
        params.put("request", request.id().substring(0, 8));
        params.put("fromCustomerNumber", account.customerNumber());
        params.put("fromName", account.ownerName());
        if (party.email() != null) {
            params.put("name", party.name() == null ? "" : party.name());
            params.put("byLink", true);
            params.put("link", config.acceptance_linkTemplate().replace("{token}", token));
            notifications.send(new OutgoingMessage(ACCEPTANCE_TEMPLATE, request.accountId(), account.language(), OutgoingMessage.EMAIL,
                    List.of(party.email()), null, params, "form-acceptance:" + request.id(), true));
        } else {
            Account other = accounts.get(party.accountId());
            params.put("name", other.ownerName());
            params.put("byLink", false);
            params.put("link", "");
            notifications.send(new OutgoingMessage(ACCEPTANCE_TEMPLATE, other.id(), other.language(), OutgoingMessage.EMAIL,
                    List.of(other.email()), null, params, "form-acceptance:" + request.id(), false));
        }
    }

    @Override
    public Page<FormRequest> requests(Subject subject, FormStatus status, PageRequest page) {
        String accountId = authorization.requireAccount(subject);
        return Reads.read(jpa, em -> PagedQuery.page(em, FormRequestEntity.class, visibleTypes(subject), "e.createdAt desc, e.id", page,
                "accountId", accountId, "status", status).map(r -> forCustomer(toDto(em, r))));
    }

    @Override
    public FormRequest get(Subject subject, String requestId) {
        return forCustomer(Reads.read(jpa, em -> toDto(em, visible(em, subject, requestId))));
    }

    /**
     * What the customer sees of a request: no staff notes (assignment, a first approval), no names of staff, and no
     * technical error text (staff see it and retry).
     */
    static FormRequest forCustomer(FormRequest request) {
        List<org.hostarea.forms.FormTransition> history = request.history().stream().filter(t -> t.from() != t.to() || t.from() == null)
                .map(t -> t.actor().startsWith("staff:") ? new org.hostarea.forms.FormTransition(t.from(), t.to(), "staff",
                        t.to() == FormStatus.FAILED ? null : t.comment(), t.at()) : t).toList();
        return new FormRequest(request.id(), request.type(), request.accountId(), request.submittedBy(), request.status(), request.payload(),
                null, List.of(), request.status() == FormStatus.FAILED ? "It could not be carried out yet; staff will look into it." : null,
                history, request.attachments(), request.otherAccountId(), request.acceptance(), request.executeOn(), request.createdAt(),
                request.updatedAt());
    }

    /**
     * The JPQL condition on the request types a subject may see: a user sees the requests of the types whose permission
     * the holder granted them (a request can hold what the permission guards); the holder sees all.
     */
    private String visibleTypes(Subject subject) {
        if (subject.holder()) {
            return null;
        }
        List<String> ids = types.all().stream().filter(t -> subject.has(t.permission())).map(FormType::id)
                .filter(id -> id.matches("[A-Z][A-Z0-9_]{0,39}")).toList();
        return ids.isEmpty() ? "1 = 0" : "e.type in (" + ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(",")) + ")";
    }

    /** The account's request if the subject may see its type; 404 otherwise. */
    private FormRequestEntity visible(EntityManager em, Subject subject, String requestId) {
        FormRequestEntity request = owned(em, authorization.requireAccount(subject), requestId, false);
        if (!subject.holder() && types.get(request.type()).map(t -> !subject.has(t.permission())).orElse(true)) {
            throw new NotFoundException("form-not-found", "There is no such request.");
        }
        return request;
    }

    @Override
    public FormRequest answer(Subject subject, String requestId, String comment) {
        String accountId = authorization.requireAccount(subject);
        Reads.read(jpa, em -> visible(em, subject, requestId));
        String text = requiredComment(comment);
        return change(accountId, requestId, (em, request) -> {
            require(request, FormStatus.NEEDS_INFO);
            transition(em, request, FormStatus.NEEDS_INFO, FormStatus.SUBMITTED, subject.actor(), text, false);
        });
    }

    @Override
    public FormRequest withdraw(Subject subject, String requestId, String comment) {
        String accountId = authorization.requireAccount(subject);
        Reads.read(jpa, em -> visible(em, subject, requestId));
        String text = optionalComment(comment);
        return change(accountId, requestId, (em, request) -> {
            require(request, FormStatus.SUBMITTED, FormStatus.NEEDS_INFO);
            transition(em, request, request.status(), FormStatus.WITHDRAWN, subject.actor(), text, true);
        });
    }

    @Override
    public AttachmentInfo attach(Subject subject, String requestId, String fileName, byte[] content) {
        String accountId = authorization.requireAccount(subject);
        Reads.read(jpa, em -> visible(em, subject, requestId));
        return storeAttachment(accountId, requestId, fileName, content);
    }

    @Override
    public AttachmentInfo attach(String requestId, String fileName, byte[] content, String actor) {
        return storeAttachment(null, requestId, fileName, content);
    }

    private AttachmentInfo storeAttachment(String accountId, String requestId, String fileName, byte[] content) {
        FieldChecks checks = new FieldChecks();
        String name = checks.text("fileName", fileName == null ? null : fileName.replaceAll("[\\p{Cntrl}/\\\\]", "_"), 200);
        String type = content == null ? null : Attachments.sniff(content);
        if (content == null || content.length == 0) {
            checks.reject("attachment", "is empty");
        } else if (content.length > config.attachments_maxBytes()) {
            checks.reject("attachment", "is larger than " + config.attachments_maxBytes() + " bytes");
        } else if (type == null) {
            checks.reject("attachment", "must be a PDF, JPEG or PNG document");
        }
        checks.throwIfAny();
        FormAttachmentEntity[] stored = new FormAttachmentEntity[1];
        change(accountId, requestId, (em, request) -> {
            require(request, FormStatus.SUBMITTED, FormStatus.NEEDS_INFO);
            long count = em.createQuery("select count(a) from FormAttachmentEntity a where a.requestId = :r", Long.class)
                    .setParameter("r", requestId).getSingleResult();
            if (count >= config.attachments_maxCount()) {
                throw ValidationException.of("attachment", "a request holds at most " + config.attachments_maxCount() + " attachments");
            }
            stored[0] = new FormAttachmentEntity(UUID.randomUUID().toString(), requestId, name, type, content, clock.instant());
            em.persist(stored[0]);
            request.clearApprovals(); // a first approval was given on other evidence
        });
        return stored[0].toDto();
    }

    @Override
    public Attachment attachment(Subject subject, String requestId, String attachmentId) {
        return Reads.read(jpa, em -> {
            visible(em, subject, requestId);
            return attachmentOf(em, requestId, attachmentId);
        });
    }

    @Override
    public int maxAttachmentBytes() {
        return config.attachments_maxBytes();
    }

    // --- staff -----------------------------------------------------------------------------------------

    @Override
    public Page<FormRequest> queue(String type, FormStatus status, String assignee, PageRequest page) {
        return Reads.read(jpa, em -> PagedQuery.page(em, FormRequestEntity.class, null, "e.createdAt, e.id", page, "type", type,
                "status", status, "assignee", assignee).map(r -> toDto(em, r)));
    }

    @Override
    public FormRequest get(String requestId) {
        return Reads.read(jpa, em -> toDto(em, owned(em, null, requestId, false)));
    }

    @Override
    public FormRequest assign(String requestId, String assignee, String actor) {
        FieldChecks checks = new FieldChecks();
        String who = checks.text("assignee", assignee, 80);
        checks.throwIfAny();
        return change(null, requestId, (em, request) -> {
            if (request.status() != FormStatus.SUBMITTED && request.status() != FormStatus.NEEDS_INFO && request.status() != FormStatus.FAILED) {
                throw invalid(request, "assign");
            }
            request.assignee(who);
            transition(em, request, request.status(), request.status(), actor, "assigned to " + who, false);
        });
    }

    @Override
    public FormRequest requestInformation(String requestId, String comment, String actor) {
        String text = requiredComment(comment);
        return change(null, requestId, (em, request) -> {
            require(request, FormStatus.SUBMITTED);
            request.clearApprovals(); // what comes back is new evidence: approvals start again
            transition(em, request, FormStatus.SUBMITTED, FormStatus.NEEDS_INFO, actor, text, true);
        });
    }

    @Override
    public FormRequest approve(String requestId, String comment, String actor) {
        String text = optionalComment(comment);
        boolean[] approved = new boolean[1];
        change(null, requestId, (em, request) -> {
            require(request, FormStatus.SUBMITTED);
            if (PENDING.equals(request.acceptance())) {
                throw new ConflictException("acceptance-pending", "The other party has not accepted this request yet.");
            }
            int required = types.get(request.type()).map(t -> t.attachmentsRequired(read(request.payload()))).orElse(0);
            if (required > 0 && em.createQuery("select count(a) from FormAttachmentEntity a where a.requestId = :r", Long.class)
                    .setParameter("r", requestId).getSingleResult() < required) {
                throw new ConflictException("attachment-required", "This request needs " + required + " document"
                        + (required == 1 ? "" : "s") + " attached before it can be approved.");
            }
            if (request.submittedBy().equals(actor)) {
                throw new ConflictException("filer-cannot-approve", "A request staff filed is approved by another staff member.");
            }
            if (request.approvals().contains(FormRequestEntity.approver(actor))) {
                throw new ConflictException("second-approval-needed", "This request needs the approval of a second staff member.");
            }
            request.approvedBy(actor);
            if (fourEyes(request.type()) && request.approvals().size() < 2) {
                transition(em, request, FormStatus.SUBMITTED, FormStatus.SUBMITTED, actor, first(text, "first approval"), false);
            } else {
                transition(em, request, FormStatus.SUBMITTED, FormStatus.APPROVED, actor, text, false);
                approved[0] = true;
            }
        });
        if (approved[0]) {
            executeWhenDue(requestId, actor);
        }
        return get(requestId);
    }

    @Override
    public FormRequest reject(String requestId, String comment, String actor) {
        String text = requiredComment(comment);
        return change(null, requestId, (em, request) -> {
            require(request, FormStatus.SUBMITTED, FormStatus.NEEDS_INFO, FormStatus.FAILED); // staff may close a FAILED one
            transition(em, request, request.status(), FormStatus.REJECTED, actor, text, true);
        });
    }

    @Override
    public FormRequest retry(String requestId, String actor) {
        FormRequest current = get(requestId);
        if (current.status() != FormStatus.FAILED && current.status() != FormStatus.APPROVED) {
            // APPROVED: approved, but its execution never ran to an end (the node stopped in between)
            throw new ConflictException("form-transition-invalid", "Only a FAILED (or stuck APPROVED) request can be retried; this one is "
                    + current.status() + ".");
        }
        if (current.status() == FormStatus.APPROVED && current.executeOn() != null && current.executeOn().isAfter(today())) {
            throw new ConflictException("form-scheduled", "This request is carried out on " + current.executeOn() + ", not before.");
        }
        execute(requestId, actor);
        return get(requestId);
    }

    @Override
    public Attachment attachment(String requestId, String attachmentId) {
        return Reads.read(jpa, em -> {
            owned(em, null, requestId, false);
            return attachmentOf(em, requestId, attachmentId);
        });
    }

    @Override
    public int purgeAttachments(LocalDate asOf) {
        long before = asOf.minusDays(Math.max(0, config.attachments_retentionDays())).atStartOfDay(ZoneId.of(config.zone()))
                .toInstant().toEpochMilli();
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery("delete from FormAttachmentEntity a where a.requestId in"
                + " (select r.id from FormRequestEntity r where r.decidedAt is not null and r.decidedAt < :before)")
                .setParameter("before", before).executeUpdate());
    }

    // --- the other party ---------------------------------------------------------------------------------

    @Override
    public Page<FormRequest> incoming(Subject subject, PageRequest page) {
        String accountId = authorization.requireAccount(subject);
        return Reads.read(jpa, em -> PagedQuery.page(em, FormRequestEntity.class, visibleTypes(subject), "e.createdAt desc, e.id", page,
                "otherAccountId", accountId).map(r -> asParty(toDto(em, r))));
    }

    @Override
    public FormRequest incoming(Subject subject, String requestId) {
        return asParty(Reads.read(jpa, em -> toDto(em, incomingOf(em, subject, requestId, false))));
    }

    private FormRequestEntity incomingOf(EntityManager em, Subject subject, String requestId, boolean lock) {
        String accountId = authorization.requireAccount(subject);
        FormRequestEntity request = requestId == null ? null
                : lock ? em.find(FormRequestEntity.class, requestId, LockModeType.PESSIMISTIC_WRITE) : em.find(FormRequestEntity.class, requestId);
        if (request == null || !accountId.equals(request.otherAccountId())
                || !subject.holder() && types.get(request.type()).map(t -> !subject.has(t.permission())).orElse(true)) {
            throw new NotFoundException("form-not-found", "There is no such request.");
        }
        return request;
    }

    /** What the other party sees: the request and its public history, none of the submitting account's documents. */
    private static FormRequest asParty(FormRequest request) {
        FormRequest view = forCustomer(request);
        return new FormRequest(view.id(), view.type(), view.accountId(), null, view.status(), view.payload(), null, List.of(), view.error(),
                view.history().stream().map(t -> new org.hostarea.forms.FormTransition(t.from(), t.to(), t.actor().startsWith("staff")
                        ? "staff" : t.actor().startsWith("party:") ? t.actor() : "requester", t.actor().startsWith("party:") ? t.comment()
                        : null, t.at())).toList(), List.of(),
                view.otherAccountId(), view.acceptance(), view.executeOn(), view.createdAt(), view.updatedAt());
    }

    @Override
    public FormRequest answerAsParty(Subject subject, String requestId, boolean accept, String comment, Map<String, Object> answer) {
        String text = optionalComment(comment);
        FormRequestEntity before = Reads.read(jpa, em -> incomingOf(em, subject, requestId, false));
        String updated = null;
        if (accept) {
            FormType type = types.get(before.type()).orElseThrow(() -> new ConflictException("form-type-missing",
                    "This request type is not installed right now; try again later."));
            updated = write(type.accepted(read(before.payload()), before.otherAccountId(), answer == null ? Map.of() : answer));
        }
        String payload = updated;
        jpa.tx(TransactionType.Required, em -> {
            FormRequestEntity request = incomingOf(em, subject, requestId, true);
            if (payload != null && request.payload().equals(before.payload()) && PENDING.equals(request.acceptance())) {
                request.payload(payload);
            }
            decide(em, request, accept, "party:" + subject.actor(), text);
        });
        return incoming(subject, requestId);
    }

    @Override
    public Map<String, Object> acceptanceView(String token) {
        return Reads.read(jpa, em -> partyView(byToken(em, token, false)));
    }

    @Override
    public Map<String, Object> answerAsParty(String token, boolean accept, String comment) {
        String text = optionalComment(comment);
        return jpa.txExpr(TransactionType.Required, em -> {
            FormRequestEntity request = byToken(em, token, true);
            decide(em, request, accept, "party:" + request.otherParty().email(), text);
            return partyView(request);
        });
    }

    private FormRequestEntity byToken(EntityManager em, String token, boolean lock) {
        FormRequestEntity found = !SecretTokens.wellFormed(token) ? null : em.createQuery("select e from FormRequestEntity e"
                + " where e.acceptTokenHash = :h", FormRequestEntity.class).setParameter("h", SecretTokens.hash(token))
                .getResultStream().findFirst().orElse(null);
        if (found != null && lock) {
            found = em.find(FormRequestEntity.class, found.id(), LockModeType.PESSIMISTIC_WRITE);
        }
        if (found == null || !found.acceptTokenValid(clock.instant()) || !PENDING.equals(found.acceptance()) || !found.status().open()) {
            throw new NotFoundException("acceptance-not-found", "This link is unknown, used or expired.");
        }
        return found;
    }

    private Map<String, Object> partyView(FormRequestEntity request) {
        Account account = accounts.get(request.accountId());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("request", request.id());
        view.put("type", request.type());
        view.put("fromCustomerNumber", account.customerNumber());
        view.put("fromName", account.ownerName());
        view.put("status", request.status().name());
        view.put("acceptance", request.acceptance());
        view.put("payload", read(request.payload()));
        return view;
    }

    /** The other party's answer: accepted, the request waits for staff; declined, it is rejected. */
    private void decide(EntityManager em, FormRequestEntity request, boolean accept, String actor, String comment) {
        // a party may accept what waits for its acceptance, and object to (decline) any open request it has not accepted:
        // the holder of a merged number can stop the merge of its number
        boolean pending = PENDING.equals(request.acceptance());
        if (!request.status().open() || (accept ? !pending : !pending && request.acceptance() != null)) {
            throw new ConflictException("form-transition-invalid", "The request does not wait for the other party's answer.");
        }
        if (pending || !accept) {
            request.acceptance(accept ? "ACCEPTED" : "DECLINED");
        }
        String note = accept ? "accepted by the other party" : "declined by the other party";
        transition(em, request, request.status(), accept ? request.status() : FormStatus.REJECTED, actor, first(comment, note), true);
    }

    // --- execution -------------------------------------------------------------------------------------

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of(config.zone())));
    }

    /** Executes an approved request now, or leaves it APPROVED until its day (the due run carries it out then). */
    private void executeWhenDue(String requestId, String actor) {
        FormRequest request = get(requestId);
        if (request.executeOn() != null && request.executeOn().isAfter(today())) {
            jpa.tx(TransactionType.Required, em -> transition(em, owned(em, null, requestId, true), FormStatus.APPROVED, FormStatus.APPROVED,
                    actor, "to be carried out on " + request.executeOn(), true));
            return;
        }
        execute(requestId, actor);
    }

    @Override
    public int executeDue(LocalDate asOf) {
        List<String> due = Reads.read(jpa, em -> em.createQuery("select e.id from FormRequestEntity e where e.status = :s"
                + " and e.executeOn is not null and e.executeOn <= :day order by e.createdAt", String.class)
                .setParameter("s", FormStatus.APPROVED).setParameter("day", asOf.toEpochDay()).getResultList());
        due.forEach(id -> execute(id, "system"));
        return due.size();
    }

    /** Runs the executor of an APPROVED (or FAILED, on retry) request: EXECUTED if it committed, FAILED otherwise. */
    private void execute(String requestId, String actor) {
        FormRequestEntity snapshot = Reads.read(jpa, em -> em.find(FormRequestEntity.class, requestId));
        FormType type = types.get(snapshot.type()).orElse(null);
        try {
            if (type == null) {
                throw new IllegalStateException("the request type " + snapshot.type() + " is not installed");
            }
            jpa.tx(TransactionType.Required, em -> {
                FormRequestEntity request = em.find(FormRequestEntity.class, requestId, LockModeType.PESSIMISTIC_WRITE);
                if (request.status() != FormStatus.APPROVED && request.status() != FormStatus.FAILED) {
                    return; // executed by a concurrent call a moment ago
                }
                type.execute(new FormExecution(request.id(), request.accountId(), read(request.payload()), request.submittedBy(), actor));
                transition(em, request, request.status(), FormStatus.EXECUTED, actor, null, true);
            });
        } catch (RuntimeException | Error e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            String error = message.length() > 1000 ? message.substring(0, 1000) : message; // database errors carry their SQL
            LOG.warn("request {} ({}) failed: {}", requestId, snapshot.type(), error);
            jpa.tx(TransactionType.Required, em -> {
                FormRequestEntity request = em.find(FormRequestEntity.class, requestId, LockModeType.PESSIMISTIC_WRITE);
                if (request.status() == FormStatus.APPROVED || request.status() == FormStatus.FAILED) {
                    FormStatus from = request.status();
                    request.status(FormStatus.FAILED, error, clock.instant());
                    em.persist(new FormTransitionEntity(UUID.randomUUID().toString(), requestId, from, FormStatus.FAILED, actor, error,
                            clock.instant()));
                }
            });
        }
    }

    // --- shared ----------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Step {
        void apply(EntityManager em, FormRequestEntity request);
    }

    /** One transition under the request's row lock ({@code accountId == null}: staff, any account). */
    private FormRequest change(String accountId, String requestId, Step step) {
        Reads.read(jpa, em -> owned(em, accountId, requestId, false));
        jpa.tx(TransactionType.Required, em -> step.apply(em, owned(em, accountId, requestId, true)));
        return accountId == null ? get(requestId) : forCustomer(get(requestId));
    }

    private void transition(EntityManager em, FormRequestEntity request, FormStatus from, FormStatus to, String actor, String comment,
            boolean tell) {
        if (from != null && from != to) {
            request.status(to, null, clock.instant());
        }
        String id = UUID.randomUUID().toString();
        em.persist(new FormTransitionEntity(id, request.id(), from, to, actor, comment, clock.instant()));
        if (tell || from != to) { // every change of state is told; staff-only notes (assignment, a first approval) are not
            Account account = accounts.get(request.accountId());
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("name", account.ownerName());
            params.put("customerNumber", account.customerNumber());
            params.put("type", request.type());
            params.put("request", request.id().substring(0, 8));
            params.put("status", to.name());
            params.put("comment", comment == null ? "" : comment);
            notifications.send(new OutgoingMessage(TEMPLATE, account.id(), account.language(), OutgoingMessage.EMAIL,
                    List.of(account.email()), null, params, "form-transition:" + id, false));
            Party party = request.otherParty();
            if (party != null) {
                Map<String, Object> told = new LinkedHashMap<>(params);
                if (!actor.startsWith("party:")) {
                    told.put("comment", ""); // what staff and the requester say to each other is not the other party's
                }
                told.put("fromCustomerNumber", account.customerNumber());
                if (party.accountId() != null) {
                    Account other = accounts.get(party.accountId());
                    told.put("name", other.ownerName());
                    told.put("customerNumber", other.customerNumber());
                    notifications.send(new OutgoingMessage(PARTY_TEMPLATE, other.id(), other.language(), OutgoingMessage.EMAIL,
                            List.of(other.email()), null, told, "form-transition-party:" + id, false));
                } else {
                    told.put("name", party.name() == null ? "" : party.name());
                    told.put("customerNumber", "-");
                    notifications.send(new OutgoingMessage(PARTY_TEMPLATE, account.id(), account.language(), OutgoingMessage.EMAIL,
                            List.of(party.email()), null, told, "form-transition-party:" + id, false));
                }
            }
        }
    }

    private static void require(FormRequestEntity request, FormStatus... allowed) {
        if (!Set.of(allowed).contains(request.status())) {
            throw invalid(request, "this step");
        }
    }

    private static ConflictException invalid(FormRequestEntity request, String what) {
        return new ConflictException("form-transition-invalid", "The request is " + request.status() + ": " + what + " is not possible now.");
    }

    private static FormRequestEntity owned(EntityManager em, String accountId, String requestId, boolean lock) {
        FormRequestEntity request = requestId == null ? null
                : lock ? em.find(FormRequestEntity.class, requestId, LockModeType.PESSIMISTIC_WRITE) : em.find(FormRequestEntity.class, requestId);
        if (request == null || accountId != null && !accountId.equals(request.accountId())) {
            throw new NotFoundException("form-not-found", "There is no such request.");
        }
        return request;
    }

    private static Attachment attachmentOf(EntityManager em, String requestId, String attachmentId) {
        FormAttachmentEntity attachment = attachmentId == null ? null : em.find(FormAttachmentEntity.class, attachmentId);
        if (attachment == null || !attachment.requestId().equals(requestId)) {
            throw new NotFoundException("attachment-not-found", "There is no such attachment.");
        }
        return new Attachment(attachment.toDto(), attachment.content());
    }

    private FormRequest toDto(EntityManager em, FormRequestEntity request) {
        List<org.hostarea.forms.FormTransition> history = em.createQuery("select t from FormTransitionEntity t where t.requestId = :r"
                + " order by t.at, t.id", FormTransitionEntity.class).setParameter("r", request.id()).getResultStream()
                .map(FormTransitionEntity::toDto).toList();
        List<AttachmentInfo> attachments = em.createQuery("select a.id, a.fileName, a.contentType, a.size, a.createdAt from"
                + " FormAttachmentEntity a where a.requestId = :r order by a.createdAt, a.id", Object[].class).setParameter("r", request.id())
                .getResultStream().map(row -> new AttachmentInfo((String) row[0], (String) row[1], (String) row[2], ((Number) row[3]).longValue(),
                        java.time.Instant.ofEpochMilli(((Number) row[4]).longValue()))).toList();
        return new FormRequest(request.id(), request.type(), request.accountId(), request.submittedBy(), request.status(),
                read(request.payload()), request.assignee(), request.approvals(), request.error(), history, attachments,
                request.otherAccountId(), request.acceptance(), request.executeOn(), request.createdAt(), request.updatedAt());
    }

    private static String requiredComment(String comment) {
        FieldChecks checks = new FieldChecks();
        String text = checks.text("comment", comment, 2000);
        checks.throwIfAny();
        return text;
    }

    private static String optionalComment(String comment) {
        FieldChecks checks = new FieldChecks();
        String text = checks.optionalText("comment", comment, 2000);
        checks.throwIfAny();
        return text;
    }

    private static String first(String text, String fallback) {
        return text == null ? fallback : fallback + ": " + text;
    }

    private String write(Map<String, Object> payload) {
        try {
            return json.writeValueAsString(Objects.requireNonNull(payload, "payload"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("payload not serializable", e);
        }
    }

    private Map<String, Object> read(String payload) {
        try {
            return json.readValue(payload, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored payload unreadable", e);
        }
    }
}
