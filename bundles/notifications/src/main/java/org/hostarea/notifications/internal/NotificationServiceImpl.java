package org.hostarea.notifications.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;

import com.samskivert.mustache.MustacheException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.hostarea.core.ConflictException;
import org.hostarea.core.FieldChecks;
import org.hostarea.core.NotFoundException;
import org.hostarea.core.Page;
import org.hostarea.core.PageRequest;
import org.hostarea.core.PluginMissingException;
import org.hostarea.notifications.Message;
import org.hostarea.notifications.MessageStatus;
import org.hostarea.notifications.NotificationService;
import org.hostarea.notifications.OutgoingMessage;
import org.hostarea.notifications.spi.RecipientResolver;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.FieldOption;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The outbox: validates and renders a message, then stores it in the caller's JTA transaction
 * ({@code Required} joins it). Delivery is the {@link Dispatcher}'s job, after commit.
 */
@Component(service = NotificationService.class, configurationPid = NotificationsConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = NotificationsConfiguration.class)
public class NotificationServiceImpl implements NotificationService {

    static final Set<String> LANGUAGES = Set.of("en", "es", "de");
    static final Set<String> CATEGORIES = Set.of("GENERAL", "PRODUCTS", "DOMAINS", "INVOICES", "SUPPORT");
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9.-]{0,99}");
    private static final Pattern CHANNEL = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    private static final int PURGE_CHUNK = 500;

    private final JpaTemplate jpa;
    private final Clock clock;
    private final TemplateRegistry templates;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, fieldOption = FieldOption.UPDATE)
    private final List<RecipientResolver> resolvers = new CopyOnWriteArrayList<>();

    private volatile RetentionRule retention;
    private volatile ZoneId zone;

    @Activate
    public NotificationServiceImpl(@Reference(target = "(osgi.unit.name=notifications)") JpaTemplate jpa,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) Clock clock, @Reference TemplateRegistry templates,
            NotificationsConfiguration config) {
        this.jpa = jpa;
        this.clock = clock;
        this.templates = templates;
        configure(config);
    }

    @Modified
    void configure(NotificationsConfiguration config) {
        this.retention = new RetentionRule(config.retention_yearsBack());
        this.zone = ZoneId.of(config.retention_zone());
    }

    @Override
    public Message send(OutgoingMessage message) {
        FieldChecks checks = new FieldChecks();
        String key = checks.text("templateKey", message.templateKey(), 100);
        if (key != null && !KEY.matcher(key).matches()) {
            checks.reject("templateKey", "must be lower-case letters, digits, '.' or '-'");
        }
        if (message.language() == null || !LANGUAGES.contains(message.language())) {
            checks.reject("language", "must be one of en, es, de");
        }
        if (!CHANNEL.matcher(message.channel()).matches()) {
            checks.reject("channel", "must be a channel type such as email or webhook");
        }
        String accountId = checks.optionalText("accountId", message.accountId(), 36);
        String idempotencyKey = checks.optionalText("idempotencyKey", message.idempotencyKey(), 200);
        Set<String> recipients = new LinkedHashSet<>();
        for (int i = 0; i < message.recipients().size(); i++) {
            String address = checks.email("recipients[" + i + "]", message.recipients().get(i));
            if (address != null) {
                recipients.add(address);
            }
        }
        if (message.category() != null) {
            recipients.addAll(resolve(checks, accountId, message.category()));
        }
        if (OutgoingMessage.EMAIL.equals(message.channel()) && recipients.isEmpty() && !checks.hasErrors()) {
            checks.reject("recipients", "an email needs at least one recipient");
        }
        RenderedMessage rendered = null;
        if (!checks.hasErrors()) {
            Optional<TemplateSet> template = templates.find(key, message.language());
            if (template.isEmpty()) {
                checks.reject("templateKey", "no template " + key + " is installed");
            } else {
                try {
                    rendered = template.get().render(message.params());
                } catch (MustacheException e) {
                    checks.reject("params", "do not fit the template: " + e.getMessage());
                }
            }
        }
        checks.throwIfAny();
        RenderedMessage content = rendered;
        // The key is looked up first; two concurrent FIRST sends with one key both pass the lookup and the
        // unique constraint fails the later caller's commit (its whole transaction rolls back, it may retry).
        return jpa.txExpr(TransactionType.Required, em -> {
            if (idempotencyKey != null) {
                Optional<MessageEntity> first = Messages.byIdempotencyKey(em, idempotencyKey);
                if (first.isPresent()) {
                    return first.get().toDto();
                }
            }
            MessageEntity entity = new MessageEntity(UUID.randomUUID().toString(), accountId, message.channel(), key,
                    message.language(), new ArrayList<>(recipients), content, idempotencyKey, message.sensitive(), clock.instant());
            em.persist(entity);
            return entity.toDto();
        });
    }

    private Set<String> resolve(FieldChecks checks, String accountId, String category) {
        if (!CATEGORIES.contains(category)) {
            checks.reject("category", "must be one of " + CATEGORIES);
            return Set.of();
        }
        if (accountId == null) {
            checks.reject("accountId", "is required with a category");
            return Set.of();
        }
        if (resolvers.isEmpty()) {
            throw new PluginMissingException("No recipient resolver is installed to find the " + category
                    + " recipients of the account.", Duration.ofSeconds(30));
        }
        Set<String> found = new LinkedHashSet<>();
        for (RecipientResolver resolver : resolvers) {
            found.addAll(resolver.recipients(accountId, category));
        }
        return found;
    }

    @Override
    public Page<Message> messagesOf(String accountId, PageRequest page) {
        return jpa.txExpr(TransactionType.Supports, em -> Messages.page(em, "m.accountId = :v", accountId, page));
    }

    @Override
    public Message messageOf(String accountId, String messageId) {
        return read(messageId).filter(message -> accountId != null && accountId.equals(message.accountId()))
                .orElseThrow(NotificationServiceImpl::notFound);
    }

    @Override
    public Page<Message> messages(Optional<MessageStatus> status, PageRequest page) {
        return jpa.txExpr(TransactionType.Supports, em -> status.isPresent()
                ? Messages.page(em, "m.status = :v", status.get(), page)
                : Messages.page(em, null, null, page));
    }

    @Override
    public Message message(String messageId) {
        return read(messageId).orElseThrow(NotificationServiceImpl::notFound);
    }

    /** Queues a FAILED message again; the update only applies if it is still FAILED (a parallel retry loses). */
    @Override
    public Message retry(String messageId) {
        Message current = message(messageId);
        boolean requeued = current.status() == MessageStatus.FAILED
                && jpa.txExpr(TransactionType.Required, em -> Messages.requeue(em, messageId, clock.instant().toEpochMilli()));
        if (!requeued) {
            throw new ConflictException("message-not-failed", "Only a FAILED message can be retried; this one is "
                    + message(messageId).status() + ".");
        }
        return message(messageId);
    }

    private Optional<Message> read(String messageId) {
        return jpa.txExpr(TransactionType.Supports, em -> Optional.ofNullable(find(em, messageId)).map(MessageEntity::toDto));
    }

    @Override
    public LocalDate retentionCutoff(LocalDate asOf) {
        return retention.cutoff(asOf);
    }

    @Override
    public int purge(LocalDate asOf) {
        long cutoff = retentionCutoff(asOf).atStartOfDay(zone).toInstant().toEpochMilli();
        int deleted = 0;
        int chunk;
        do {
            chunk = jpa.txExpr(TransactionType.RequiresNew, em -> Messages.deleteCreatedBefore(em, cutoff, PURGE_CHUNK));
            deleted += chunk;
        } while (chunk == PURGE_CHUNK);
        return deleted;
    }

    private static MessageEntity find(EntityManager em, String messageId) {
        return messageId == null ? null : em.find(MessageEntity.class, messageId);
    }

    private static NotFoundException notFound() {
        return new NotFoundException("message-not-found", "There is no such message.");
    }
}
