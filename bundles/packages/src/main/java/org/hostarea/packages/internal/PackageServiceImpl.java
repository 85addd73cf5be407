package org.hostarea.packages.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.hostarea.core.ConflictException;
import org.hostarea.core.DomainNames;
import org.hostarea.core.FieldChecks;
import org.hostarea.core.Money;
import org.hostarea.core.NotFoundException;
import org.hostarea.core.Page;
import org.hostarea.core.PageRequest;
import org.hostarea.core.RuleViolationException;
import org.hostarea.core.ValidationException;
import org.hostarea.core.jpa.PagedQuery;
import org.hostarea.core.jpa.Reads;
import org.hostarea.core.jpa.Writes;
import org.hostarea.identity.Account;
import org.hostarea.identity.AccountService;
import org.hostarea.identity.PackagePasswordService;
import org.hostarea.notifications.NotificationService;
import org.hostarea.notifications.OutgoingMessage;
import org.hostarea.packages.AppInput;
import org.hostarea.packages.CancellationMode;
import org.hostarea.packages.Certificate;
import org.hostarea.packages.ChargeStatus;
import org.hostarea.packages.CustomerPackage;
import org.hostarea.packages.Domain;
import org.hostarea.packages.DomainSettings;
import org.hostarea.packages.DomainStatus;
import org.hostarea.packages.ExpiringDomain;
import org.hostarea.packages.InstalledApp;
import org.hostarea.packages.NewPackage;
import org.hostarea.packages.PackageEvent;
import org.hostarea.packages.PackageEventType;
import org.hostarea.packages.PackageService;
import org.hostarea.packages.PackageStatus;
import org.hostarea.packages.PackageTechnical;
import org.hostarea.packages.PlanChange;
import org.hostarea.packages.PlanChangeKind;
import org.hostarea.packages.PlanChangeStatus;
import org.hostarea.packages.PlanPrice;
import org.hostarea.packages.PlanType;
import org.hostarea.packages.RenewalDue;
import org.hostarea.packages.Registrant;
import org.hostarea.packages.Resource;
import org.hostarea.packages.SuspendReason;
import org.hostarea.packages.spi.PlanChangeCharger;
import org.hostarea.packages.spi.ProratedCharge;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The packages. Every change runs in one transaction that first takes a write lock on the package row,
 * re-reads its state, changes it, stores the event and queues the mails; listeners hear of the events after
 * the commit. Input is checked before the transaction; the state rules are checked under the lock, so two
 * concurrent changes never both apply (the second sees the first's result). Domain names are unique by a
 * database constraint, not by a check-then-insert.
 */
@Component(service = PackageService.class, configurationPid = PackagesConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = PackagesConfiguration.class)
public class PackageServiceImpl implements PackageService {

    private static final Logger LOG = LoggerFactory.getLogger(PackageServiceImpl.class);
    static final String SYSTEM = "system";
    private static final Pattern APP_VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.-]{0,19}");

    private final JpaTemplate jpa;
    private final Clock clock;
    private final AccountService accounts;
    private final PackagePasswordService passwords;
    private final NotificationService notifications;
    private final PackageEvents events;
    private final AtomicReference<PlanChangeCharger> charger = new AtomicReference<>();
    private volatile ZoneId zone;
    private volatile Set<String> offeredApps;

    @Activate
    public PackageServiceImpl(@Reference(target = "(osgi.unit.name=packages)") JpaTemplate jpa,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) Clock clock, @Reference AccountService accounts,
            @Reference PackagePasswordService passwords, @Reference NotificationService notifications,
            @Reference PackageEvents events, PackagesConfiguration config) {
        this.jpa = jpa;
        this.clock = clock;
        this.accounts = accounts;
        this.passwords = passwords;
        this.notifications = notifications;
        this.events = events;
        configure(config);
    }

    @Modified
    void configure(PackagesConfiguration config) {
        this.zone = ZoneId.of(config.zone());
        this.offeredApps = Arrays.stream(config.apps_offered().split(",")).map(String::strip)
                .filter(name -> !name.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindCharger(PlanChangeCharger added) {
        charger.set(added);
    }

    void unbindCharger(PlanChangeCharger removed) {
        charger.compareAndSet(removed, null);
    }

    @Override
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    // --- reads ---------------------------------------------------------------------------------------

    @Override
    public Page<CustomerPackage> packages(String accountId, PackageStatus status, PageRequest page) {
        return search(Objects.requireNonNull(accountId, "accountId"), status, page);
    }

    @Override
    public Page<CustomerPackage> search(String accountId, PackageStatus status, PageRequest page) {
        return Reads.read(jpa, em -> PagedQuery.page(em, PackageEntity.class, null, "e.createdAt desc, e.id", page,
                "accountId", accountId, "status", status).map(pkg -> toDto(em, pkg)));
    }

    @Override
    public CustomerPackage get(String accountId, String packageId) {
        return Reads.read(jpa, em -> toDto(em, owned(em, accountId, packageId)));
    }

    @Override
    public CustomerPackage get(String packageId) {
        return Reads.read(jpa, em -> toDto(em, owned(em, null, packageId)));
    }

    @Override
    public void requireOwned(String accountId, String packageId) {
        Reads.read(jpa, em -> owned(em, Objects.requireNonNull(accountId, "accountId"), packageId));
    }

    @Override
    public PackageTechnical technical(String accountId, String packageId) {
        return Reads.read(jpa, em -> {
            PackageEntity pkg = owned(em, accountId, packageId);
            PlanEntity plan = plan(em, pkg.planCode());
            return new PackageTechnical(pkg.id(), pkg.type(), pkg.status(), domainsOf(em, pkg.id()), resources(em, pkg, plan),
                    List.copyOf(pkg.dedicatedIps()), pkg.certificates(), appsOf(em, pkg.id()),
                    TechnicalSettings.effective(pkg.type(), pkg.settings()));
        });
    }

    @Override
    public List<Domain> domains(String accountId, String packageId) {
        return Reads.read(jpa, em -> domainsOf(em, owned(em, accountId, packageId).id()));
    }

    @Override
    public Page<Domain> accountDomains(String accountId, PageRequest page) {
        return Reads.read(jpa, em -> {
            long total = em.createQuery("select count(d) from DomainEntity d where d.accountId = :a", Long.class)
                    .setParameter("a", accountId).getSingleResult();
            List<Domain> items = em.createQuery("select d from DomainEntity d where d.accountId = :a order by d.name",
                    DomainEntity.class).setParameter("a", accountId).setFirstResult(page.offset()).setMaxResults(page.size())
                    .getResultStream().map(DomainEntity::toDto).toList();
            return Page.of(items, page, total);
        });
    }

    @Override
    public List<PlanChange> planChanges(String accountId, String packageId) {
        return Reads.read(jpa, em -> {
            owned(em, accountId, packageId);
            return em.createQuery("select c from PlanChangeEntity c where c.packageId = :p order by c.requestedAt desc, c.id",
                    PlanChangeEntity.class).setParameter("p", packageId).getResultStream().map(PlanChangeEntity::toDto).toList();
        });
    }

    @Override
    public List<PackageEvent> events(String packageId) {
        return Reads.read(jpa, em -> {
            owned(em, null, packageId);
            return em.createQuery("select e from PackageEventEntity e where e.packageId = :p order by e.occurredAt, e.id",
                    PackageEventEntity.class).setParameter("p", packageId).getResultStream().map(PackageEventEntity::toDto).toList();
        });
    }

    @Override
    public List<PlanChange> pendingCharges(int limit) {
        return Reads.read(jpa, em -> em.createQuery("select c from PlanChangeEntity c"
                + " where c.chargeStatus = :pending order by c.requestedAt, c.id", PlanChangeEntity.class)
                .setParameter("pending", ChargeStatus.PENDING).setMaxResults(Math.max(1, Math.min(limit, 1000)))
                .getResultStream().map(PlanChangeEntity::toDto).toList());
    }

    @Override
    public void markCharged(String planChangeId) {
        jpa.tx(TransactionType.Required, em -> em.createQuery("update PlanChangeEntity c set c.chargeStatus = :charged"
                + " where c.id = :id and c.chargeStatus = :pending").setParameter("charged", ChargeStatus.CHARGED)
                .setParameter("pending", ChargeStatus.PENDING).setParameter("id", planChangeId).executeUpdate());
    }

    // --- customer changes ----------------------------------------------------------------------------

    @Override
    public Map<String, String> updateSettings(String accountId, String packageId, Map<String, String> settings, String actor) {
        Map<String, String> given = ValidationException.requireBody(settings);
        PackageTechnical current = technical(accountId, packageId);
        Map<String, String> checked = TechnicalSettings.check(current.type(), given);
        return change(accountId, packageId, change -> {
            PackageEntity pkg = change.pkg();
            requireNotEnded(pkg);
            TechnicalSettings.apply(pkg.type(), pkg.settings(), checked);
            return TechnicalSettings.effective(pkg.type(), pkg.settings());
        });
    }

    @Override
    public Domain moveDomain(String accountId, String domainId, String toPackageId, String actor) {
        return moveDomain(accountId, domainId, accountId, toPackageId, actor);
    }

    @Override
    public Domain moveDomain(String accountId, String domainId, String toAccountId, String toPackageId, String actor) {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(toAccountId, "toAccountId");
        DomainEntity found = Reads.read(jpa, em -> domainId == null ? null : em.find(DomainEntity.class, domainId));
        if (found != null && toAccountId.equals(found.accountId()) && found.packageId().equals(toPackageId)) {
            return found.toDto(); // there already
        }
        if (found == null || !accountId.equals(found.accountId())) {
            throw new NotFoundException("domain-not-found", "There is no such domain.");
        }
        requireOwned(toAccountId, toPackageId);
        List<PackageEvent> happened = new ArrayList<>();
        Domain moved = jpa.txExpr(TransactionType.Required, em -> {
            // both packages locked, in id order (the order of every change that holds two)
            List<String> ids = java.util.stream.Stream.of(found.packageId(), toPackageId).sorted().toList();
            Map<String, PackageEntity> locked = new HashMap<>();
            for (String id : ids) {
                locked.put(id, em.find(PackageEntity.class, id, LockModeType.PESSIMISTIC_WRITE));
            }
            DomainEntity domain = em.find(DomainEntity.class, domainId, LockModeType.PESSIMISTIC_WRITE);
            if (domain.packageId().equals(toPackageId)) {
                return domain.toDto(); // moved by a concurrent request a moment ago
            }
            PackageEntity from = locked.get(domain.packageId());
            PackageEntity to = locked.get(toPackageId);
            if (from == null) {
                throw new ConflictException("domain-moved", "The domain was moved meanwhile; try again.");
            }
            requireLive(from);
            requireLive(to);
            if (from.type() == PlanType.DOMAIN) {
                throw new RuleViolationException("last-domain", "A DOMAIN package holds exactly its one domain.");
            }
            if (to.type() == PlanType.DOMAIN) {
                throw new RuleViolationException("domain-package", "A DOMAIN package holds only the domain it was made for.");
            }
            Long limit = plan(em, to.planCode()).limits().get("domains");
            if (limit != null && countOf(em, "DomainEntity", to.id()) >= limit) {
                throw new RuleViolationException("domain-limit", "The plan allows " + limit + " domain(s) in the target package.");
            }
            domain.packageId(to.id());
            domain.accountId(to.accountId());
            Instant now = clock.instant();
            new Change(em, from, happened, now).event(PackageEventType.DOMAIN_MOVED, from.status(), domain.name() + " -> " + to.label(), actor);
            new Change(em, to, happened, now).event(PackageEventType.DOMAIN_MOVED, to.status(), domain.name() + " <- " + from.label(), actor);
            return domain.toDto();
        });
        events.publish(happened);
        return moved;
    }

    @Override
    public Domain domain(String accountId, String domainId) {
        Objects.requireNonNull(accountId, "accountId");
        return Reads.read(jpa, em -> {
            DomainEntity domain = domainId == null ? null : em.find(DomainEntity.class, domainId);
            if (domain == null || !accountId.equals(domain.accountId())) {
                throw new NotFoundException("domain-not-found", "There is no such domain.");
            }
            return domain.toDto();
        });
    }

    @Override
    public Domain changeRegistrant(String accountId, String domainId, Registrant registrant, String actor) {
        Registrant checked = checkRegistrant(registrant);
        DomainEntity found = Reads.read(jpa, em -> domainId == null ? null : em.find(DomainEntity.class, domainId));
        if (found == null || !Objects.requireNonNull(accountId, "accountId").equals(found.accountId())) {
            throw new NotFoundException("domain-not-found", "There is no such domain.");
        }
        return change(accountId, found.packageId(), change -> {
            DomainEntity domain = change.em().find(DomainEntity.class, domainId, LockModeType.PESSIMISTIC_WRITE);
            if (!checked.equals(domain.registrant())) {
                domain.registrant(checked);
                change.event(PackageEventType.DOMAIN_HOLDER_CHANGED, change.pkg().status(), domain.name() + ": " + checked.name(), actor);
            }
            return domain.toDto();
        });
    }

    /** The holder's fields checked (every bad one named {@code registrant.<field>}) and trimmed. */
    public static Registrant checkRegistrant(Registrant registrant) {
        FieldChecks checks = new FieldChecks();
        if (registrant == null) {
            checks.reject("registrant", "is required");
            checks.throwIfAny();
        }
        String name = checks.text("registrant.name", registrant.name(), 200);
        String organization = checks.optionalText("registrant.organization", registrant.organization(), 200);
        String email = checks.email("registrant.email", registrant.email());
        String street = checks.text("registrant.street", registrant.street(), 200);
        String postcode = checks.text("registrant.postcode", registrant.postcode(), 20);
        String city = checks.text("registrant.city", registrant.city(), 100);
        String country = checks.text("registrant.country", registrant.country(), 2);
        if (country != null && !java.util.Set.of(java.util.Locale.getISOCountries()).contains(country.toUpperCase(java.util.Locale.ROOT))) {
            checks.reject("registrant.country", "must be an ISO 3166-1 alpha-2 country code");
        }
        checks.throwIfAny();
        return new Registrant(name, organization, email, street, postcode, city, country.toUpperCase(java.util.Locale.ROOT));
    }

    @Override
    public Domain addDomain(String accountId, String packageId, String name, LocalDate expiresOn, String actor) {
        FieldChecks checks = new FieldChecks();
        String domain = DomainNames.check(checks, "name", name);
        checks.throwIfAny();
        requireOwnedOrStaff(accountId, packageId);
        if (Reads.read(jpa, em -> domainByName(em, domain) != null)) {
            throw domainTaken(domain);
        }
        return change(accountId, packageId, change -> {
            PackageEntity pkg = change.pkg();
            requireLive(pkg);
            EntityManager em = change.em();
            Long limit = plan(em, pkg.planCode()).limits().get("domains");
            long count = countOf(em, "DomainEntity", pkg.id());
            if (limit != null && count >= limit) {
                throw new RuleViolationException("domain-limit", "The plan allows " + limit + " domain(s) in this package.");
            }
            DomainEntity entity = new DomainEntity(UUID.randomUUID().toString(), pkg.id(), pkg.accountId(), domain, expiresOn,
                    clock.instant());
            em.persist(entity);
            Writes.flushUnique(em, () -> domainTaken(domain));
            return entity.toDto();
        });
    }

    @Override
    public Domain updateDomain(String accountId, String packageId, String domainId, DomainSettings settings, String actor) {
        DomainSettings checked = PackageChecks.domainSettings(ValidationException.requireBody(settings));
        requireOwnedOrStaff(accountId, packageId);
        return change(accountId, packageId, change -> {
            requireNotEnded(change.pkg());
            DomainEntity domain = domainOf(change.em(), packageId, domainId);
            Domain current = domain.toDto();
            domain.technical(checked.nameservers() == null ? current.nameservers() : checked.nameservers(),
                    checked.dnssec() == null ? current.dnssec() : checked.dnssec());
            return domain.toDto();
        });
    }

    @Override
    public void removeDomain(String accountId, String packageId, String domainId, String actor) {
        requireOwnedOrStaff(accountId, packageId);
        change(accountId, packageId, change -> {
            requireNotEnded(change.pkg());
            DomainEntity domain = domainOf(change.em(), packageId, domainId);
            if (change.pkg().type() == PlanType.DOMAIN && countOf(change.em(), "DomainEntity", packageId) <= 1) {
                throw new RuleViolationException("last-domain", "A domain package keeps its domain; cancel the package instead.");
            }
            change.em().remove(domain);
            change.em().flush();
            applyQuota(change, plan(change.em(), change.pkg().planCode()), actor);
            return null;
        });
    }

    @Override
    public InstalledApp installApp(String accountId, String packageId, AppInput app, String actor) {
        AppInput input = ValidationException.requireBody(app);
        FieldChecks checks = new FieldChecks();
        String name = checks.text("name", input.name(), 40);
        if (name != null && !offeredApps.contains(name)) {
            checks.reject("name", "must be one of " + offeredApps);
        }
        String version = checks.optionalText("version", input.version(), 20);
        if (version != null && !APP_VERSION.matcher(version).matches()) {
            checks.reject("version", "must be a version such as 6.5.2");
        }
        String path = checks.text("path", input.path(), 200);
        if (path != null && !TechnicalSettings.validAppPath(path)) {
            checks.reject("path", "must be an absolute path such as /blog");
        }
        checks.throwIfAny();
        requireOwnedOrStaff(accountId, packageId);
        return change(accountId, packageId, change -> {
            PackageEntity pkg = change.pkg();
            requireLive(pkg);
            EntityManager em = change.em();
            Long limit = plan(em, pkg.planCode()).limits().get("apps");
            if (limit != null && countOf(em, "AppEntity", pkg.id()) >= limit) {
                throw new RuleViolationException("app-limit", "The plan allows " + limit + " application(s) in this package.");
            }
            boolean taken = em.createQuery("select count(a) from AppEntity a where a.packageId = :p and a.path = :path", Long.class)
                    .setParameter("p", pkg.id()).setParameter("path", path).getSingleResult() > 0;
            if (taken) {
                throw appPathTaken();
            }
            AppEntity entity = new AppEntity(UUID.randomUUID().toString(), pkg.id(), name, version, path, clock.instant());
            em.persist(entity);
            Writes.flushUnique(em, PackageServiceImpl::appPathTaken);
            return entity.toDto();
        });
    }

    @Override
    public void removeApp(String accountId, String packageId, String appId, String actor) {
        requireOwnedOrStaff(accountId, packageId);
        change(accountId, packageId, change -> {
            int removed = change.em().createQuery("delete from AppEntity a where a.id = :id and a.packageId = :p")
                    .setParameter("id", appId).setParameter("p", packageId).executeUpdate();
            if (removed == 0) {
                throw new NotFoundException("app-not-found", "There is no such application in this package.");
            }
            applyQuota(change, plan(change.em(), change.pkg().planCode()), actor);
            return null;
        });
    }

    @Override
    public PlanChange changePlan(String accountId, String packageId, String planCode, String idempotencyKey, String actor) {
        FieldChecks checks = new FieldChecks();
        String target = checks.text("planCode", planCode, 40);
        String key = checks.optionalText("Idempotency-Key", idempotencyKey, 100);
        checks.throwIfAny();
        requireOwned(accountId, packageId);
        if (key != null) {
            PlanChange replay = replay(accountId, packageId, target, key);
            if (replay != null) {
                return replay;
            }
        }
        Reads.read(jpa, em -> checkPlanChange(em, owned(em, accountId, packageId), target));
        try {
            return change(accountId, packageId, change -> applyPlanChange(change, target, key, actor));
        } catch (ConflictException e) {
            PlanChange replay = key == null ? null : replay(accountId, packageId, target, key);
            if (replay != null) {
                return replay; // a concurrent request with the same key won the race
            }
            throw e;
        }
    }

    /** The change a request with this idempotency key made before, or {@code null}. */
    private PlanChange replay(String accountId, String packageId, String target, String key) {
        PlanChangeEntity first = Reads.read(jpa, em -> em.createQuery("select c from PlanChangeEntity c"
                + " where c.accountId = :a and c.idempotencyKey = :k", PlanChangeEntity.class).setParameter("a", accountId)
                .setParameter("k", key).getResultStream().findFirst().orElse(null));
        if (first == null) {
            return null;
        }
        if (!first.packageId().equals(packageId) || !first.toPlan().equals(target)) {
            throw new RuleViolationException("idempotency-key-reused", "This Idempotency-Key was used for another request.");
        }
        return first.toDto();
    }

    /**
     * The rules of a plan change on the package's current state: checked on a plain read first (so that the
     * usual refusals never open a write transaction) and again under the row lock.
     */
    private static PlanChangeKind checkPlanChange(EntityManager em, PackageEntity pkg, String target) {
        requireLive(pkg);
        if (pkg.cancellation() != null) {
            throw new ConflictException("cancellation-scheduled", "The package is being cancelled; revoke the cancellation first.");
        }
        if (pkg.planCode().equals(target)) {
            throw new ConflictException("plan-unchanged", "The package already has this plan.");
        }
        if (scheduledChange(em, pkg.id()) != null) {
            throw new ConflictException("plan-change-pending", "A downgrade is already scheduled; revoke it first.");
        }
        PlanEntity current = plan(em, pkg.planCode());
        PlanEntity next = Plans.byCode(em, target).orElseThrow(() -> ValidationException.of("planCode", "is not a plan of the catalog"));
        PlanChangeKind kind = current.upgradesTo(target) ? PlanChangeKind.UPGRADE
                : current.downgradesTo(target) ? PlanChangeKind.DOWNGRADE : null;
        boolean priced = next.price(pkg.billingCycle(), pkg.currency()).isPresent();
        if (kind == null || !next.active() || !priced || next.type() != pkg.type()) {
            throw new RuleViolationException("plan-change-not-allowed", "The plan " + current.code() + " cannot be changed to "
                    + target + (!priced && kind != null ? " (it has no " + pkg.billingCycle() + " price in " + pkg.currency() + ")"
                    : "") + ".");
        }
        return kind;
    }

    private PlanChange applyPlanChange(Change change, String target, String key, String actor) {
        PackageEntity pkg = change.pkg();
        EntityManager em = change.em();
        PlanChangeKind kind = checkPlanChange(em, pkg, target);
        PlanEntity current = plan(em, pkg.planCode());
        PlanEntity next = plan(em, target);
        PlanPrice newPrice = next.price(pkg.billingCycle(), pkg.currency()).orElseThrow();
        Instant now = clock.instant();
        LocalDate today = today();
        PlanChangeEntity entity;
        if (kind == PlanChangeKind.UPGRADE) {
            Money oldPrice = current.price(pkg.billingCycle(), pkg.currency()).map(PlanPrice::money)
                    .orElse(Money.zero(newPrice.money().currency()));
            Money charge = Proration.charge(oldPrice, newPrice.money(), pkg.billingCycle(), pkg.termEnd(today), today);
            PlanChangeCharger billing = charger.get();
            ChargeStatus status = charge.isZero() ? ChargeStatus.NONE : billing == null ? ChargeStatus.PENDING : ChargeStatus.CHARGED;
            entity = new PlanChangeEntity(UUID.randomUUID().toString(), pkg, kind, target, PlanChangeStatus.APPLIED, today, charge,
                    status, now, actor, key);
            em.persist(entity);
            Writes.flushUnique(em, () -> new ConflictException("idempotency-key-reused", "This Idempotency-Key is in use."));
            PackageStatus before = pkg.status();
            pkg.planCode(target);
            change.event(PackageEventType.PLAN_CHANGED, before, current.code() + " -> " + target, actor);
            if (status == ChargeStatus.CHARGED) {
                billing.charge(new ProratedCharge(entity.id(), pkg.id(), pkg.accountId(), current.code(), target, today,
                        pkg.termEnd(today), charge));
            }
            applyQuota(change, next, actor);
        } else {
            entity = new PlanChangeEntity(UUID.randomUUID().toString(), pkg, kind, target, PlanChangeStatus.SCHEDULED,
                    pkg.termEnd(today), null, ChargeStatus.NONE, now, actor, key);
            em.persist(entity);
            Writes.flushUnique(em, () -> new ConflictException("idempotency-key-reused", "This Idempotency-Key is in use."));
            change.event(PackageEventType.PLAN_CHANGE_SCHEDULED, pkg.status(), current.code() + " -> " + target + " on "
                    + pkg.termEnd(today), actor);
        }
        PlanChange result = entity.toDto();
        mail(em, pkg, "packages.plan-change", Map.of("upgrade", kind == PlanChangeKind.UPGRADE, "fromPlan", current.code(), "toPlan", target,
                "effectiveOn", result.effectiveOn().toString(), "charge", result.proratedCharge() == null ? "-"
                        : result.proratedCharge().toString()), "PRODUCTS");
        return result;
    }

    @Override
    public void revokeScheduledChange(String accountId, String packageId, String actor) {
        requireOwned(accountId, packageId);
        if (Reads.read(jpa, em -> scheduledChange(em, packageId)) == null) {
            throw noScheduledChange();
        }
        change(accountId, packageId, change -> {
            PlanChangeEntity scheduled = scheduledChange(change.em(), packageId);
            if (scheduled == null) {
                throw noScheduledChange();
            }
            if (!scheduled.toDto().effectiveOn().isAfter(today())) {
                throw new ConflictException("change-in-effect", "The change takes effect today; it can no longer be revoked.");
            }
            scheduled.status(PlanChangeStatus.REVOKED);
            change.event(PackageEventType.PLAN_CHANGE_REVOKED, change.pkg().status(), "to " + scheduled.toPlan(), actor);
            return null;
        });
    }

    @Override
    public CustomerPackage cancel(String accountId, String packageId, CancellationMode mode, String reason, String actor) {
        FieldChecks checks = new FieldChecks();
        String why = checks.optionalText("reason", reason, 500);
        checks.throwIfAny();
        CancellationMode how = mode == null ? CancellationMode.END_OF_TERM : mode;
        Reads.read(jpa, em -> checkCancellable(owned(em, accountId, packageId)));
        return change(accountId, packageId, change -> {
            PackageEntity pkg = checkCancellable(change.pkg());
            Instant now = clock.instant();
            if (how == CancellationMode.IMMEDIATE) {
                pkg.cancellation(how, today(), why, now, actor);
                end(change, PackageStatus.CANCELLED, PackageEventType.CANCELLED, why, actor);
            } else {
                LocalDate end = pkg.termEnd(today());
                pkg.cancellation(how, end, why, now, actor);
                change.event(PackageEventType.CANCELLATION_SCHEDULED, pkg.status(), "on " + end, actor);
            }
            mail(change.em(), pkg, "packages.cancellation", Map.of("scheduled", how == CancellationMode.END_OF_TERM, "effectiveOn",
                    pkg.cancellation().effectiveOn().toString()), "PRODUCTS");
            return toDto(change.em(), pkg);
        });
    }

    @Override
    public CustomerPackage revokeCancellation(String accountId, String packageId, String actor) {
        requireOwned(accountId, packageId);
        return change(accountId, packageId, change -> {
            PackageEntity pkg = change.pkg();
            if (pkg.cancellation() == null || !pkg.status().live()) {
                throw new NotFoundException("no-cancellation", "There is no cancellation that can still be revoked.");
            }
            if (!pkg.cancellation().effectiveOn().isAfter(today())) {
                throw new ConflictException("change-in-effect", "The cancellation takes effect today; it can no longer be revoked.");
            }
            pkg.cancellation(null, null, null, null, null);
            change.event(PackageEventType.CANCELLATION_REVOKED, pkg.status(), null, actor);
            return toDto(change.em(), pkg);
        });
    }

    private static PackageEntity checkCancellable(PackageEntity pkg) {
        requireLive(pkg);
        if (pkg.cancellation() != null) {
            throw new ConflictException("cancellation-scheduled", "A cancellation is already scheduled.");
        }
        return pkg;
    }

    // --- staff changes -------------------------------------------------------------------------------

    @Override
    public CustomerPackage create(NewPackage input, String actor) {
        NewPackage request = ValidationException.requireBody(input);
        FieldChecks checks = new FieldChecks();
        String accountId = checks.text("accountId", request.accountId(), 36);
        String planCode = checks.text("planCode", request.planCode(), 40);
        checks.required("billingCycle", request.billingCycle());
        var currency = checks.currency("currency", request.currency());
        String label = checks.optionalText("label", request.label(), 100);
        List<String> domains = new ArrayList<>();
        List<String> given = request.domains() == null ? List.of() : request.domains();
        if (given.size() > 100) {
            checks.reject("domains", "must have at most 100 domains");
        } else {
            for (int i = 0; i < given.size(); i++) {
                String domain = DomainNames.check(checks, "domains[" + i + "]", given.get(i));
                if (domain != null && domains.contains(domain)) {
                    checks.reject("domains[" + i + "]", "is listed twice");
                } else if (domain != null) {
                    domains.add(domain);
                }
            }
        }
        if (accountId != null && !checks.hasErrors()) {
            try {
                accounts.get(accountId);
            } catch (NotFoundException e) {
                checks.reject("accountId", "is not an account");
            }
        }
        PlanEntity plan = planCode == null ? null : Reads.read(jpa, em -> Plans.byCode(em, planCode)).orElse(null);
        if (planCode != null && (plan == null || !plan.active())) {
            checks.reject("planCode", "is not an active plan of the catalog");
        } else if (plan != null && request.billingCycle() != null && currency != null
                && plan.price(request.billingCycle(), currency.getCurrencyCode()).isEmpty()) {
            checks.reject("billingCycle", "the plan has no " + request.billingCycle() + " price in " + currency);
        }
        if (plan != null && plan.type() == PlanType.DOMAIN && domains.size() != 1) {
            checks.reject("domains", "a DOMAIN package holds exactly one domain");
        }
        Long limit = plan == null ? null : plan.limits().get("domains");
        if (limit != null && domains.size() > limit) {
            checks.reject("domains", "the plan allows " + limit + " domain(s)");
        }
        checks.throwIfAny();
        List<String> taken = Reads.read(jpa, em -> domains.stream().filter(d -> domainByName(em, d) != null).toList());
        if (!taken.isEmpty()) {
            throw domainTaken(taken.get(0));
        }
        LocalDate start = request.startDate() == null ? today() : request.startDate();
        if (request.nextDueDate() != null && !request.nextDueDate().isAfter(start)) {
            FieldChecks due = new FieldChecks();
            due.reject("nextDueDate", "must be after the start date");
            due.throwIfAny();
        }
        PackageStatus status = Boolean.TRUE.equals(request.pending()) ? PackageStatus.PENDING : PackageStatus.ACTIVE;
        List<PackageEvent> happened = new ArrayList<>();
        CustomerPackage created = jpa.txExpr(TransactionType.Required, em -> {
            PackageEntity pkg = new PackageEntity(UUID.randomUUID().toString(), accountId,
                    label != null ? label : domains.isEmpty() ? plan.code() : truncate(DomainNames.toUnicode(domains.get(0)), 100), plan, status,
                    start, request.billingCycle(), currency.getCurrencyCode(), clock.instant());
            LocalDate today = today();
            if (request.nextDueDate() != null) {
                pkg.nextDueDate(request.nextDueDate());
            } else if (!pkg.nextDueDate().isAfter(today)) {
                pkg.nextDueDate(pkg.termEnd(today)); // taken over mid-contract: the terms before today are settled
            }
            em.persist(pkg);
            LocalDate expiry = request.domainExpiresOn() != null ? request.domainExpiresOn()
                    : plan.type() == PlanType.DOMAIN ? pkg.nextDueDate() : null;
            for (String domain : domains) {
                em.persist(new DomainEntity(UUID.randomUUID().toString(), pkg.id(), accountId, domain, expiry, clock.instant()));
            }
            Writes.flushUnique(em, () -> domainTaken(String.join(", ", domains)));
            Change change = new Change(em, pkg, happened, clock.instant());
            change.event(PackageEventType.CREATED, status, plan.code(), actor);
            return toDto(em, pkg);
        });
        events.publish(happened);
        return created;
    }

    @Override
    public CustomerPackage activate(String packageId, String actor) {
        get(packageId);
        return change(null, packageId, change -> {
            PackageEntity pkg = change.pkg();
            if (pkg.status() != PackageStatus.PENDING) {
                throw new RuleViolationException("package-not-pending", "Only a PENDING package can be activated.");
            }
            pkg.status(PackageStatus.ACTIVE);
            change.event(PackageEventType.ACTIVATED, PackageStatus.PENDING, null, actor);
            applyQuota(change, plan(change.em(), pkg.planCode()), actor);
            return toDto(change.em(), pkg);
        });
    }

    @Override
    public CustomerPackage suspend(String packageId, SuspendReason reason, String comment, String actor) {
        FieldChecks checks = new FieldChecks();
        checks.required("reason", reason);
        String detail = checks.optionalText("comment", comment, 500);
        checks.throwIfAny();
        get(packageId);
        return change(null, packageId, change -> {
            PackageEntity pkg = change.pkg();
            requireLive(pkg);
            Set<SuspendReason> reasons = pkg.suspendReasons();
            if (reasons.add(reason)) {
                PackageStatus before = pkg.status();
                pkg.suspendReasons(reasons);
                change.event(PackageEventType.SUSPENDED, before, reason + (detail == null ? "" : ": " + detail), actor);
            }
            return toDto(change.em(), pkg);
        });
    }

    @Override
    public CustomerPackage unsuspend(String packageId, SuspendReason reason, String actor) {
        get(packageId);
        return change(null, packageId, change -> {
            PackageEntity pkg = change.pkg();
            requireLive(pkg);
            Set<SuspendReason> reasons = pkg.suspendReasons();
            boolean changed = reason == null ? !reasons.isEmpty() : reasons.contains(reason);
            if (changed) {
                if (reason == null) {
                    reasons.clear();
                } else {
                    reasons.remove(reason);
                }
                PackageStatus before = pkg.status();
                pkg.suspendReasons(reasons);
                change.event(PackageEventType.UNSUSPENDED, before, reason == null ? "all" : reason.name(), actor);
            }
            return toDto(change.em(), pkg);
        });
    }

    @Override
    public CustomerPackage terminate(String packageId, String actor) {
        get(packageId);
        return change(null, packageId, change -> {
            PackageEntity pkg = change.pkg();
            if (pkg.status() == PackageStatus.TERMINATED) {
                return toDto(change.em(), pkg);
            }
            end(change, PackageStatus.TERMINATED, PackageEventType.TERMINATED, null, actor);
            change.em().createQuery("delete from DomainEntity d where d.packageId = :p").setParameter("p", pkg.id()).executeUpdate();
            return toDto(change.em(), pkg);
        });
    }

    @Override
    public CustomerPackage recordUsage(String packageId, Map<String, Long> usage, String actor) {
        Map<String, Long> given = ValidationException.requireBody(usage);
        FieldChecks checks = new FieldChecks();
        Map<String, Long> checked = new LinkedHashMap<>();
        if (given.size() > CatalogRules.MAX_ITEMS) {
            checks.reject("usage", "must have at most " + CatalogRules.MAX_ITEMS + " resources");
        }
        given.forEach((resource, used) -> {
            String field = resource.length() > 40 ? resource.substring(0, 40) : resource;
            if (!CatalogRules.RESOURCE.matcher(resource).matches()) {
                checks.reject(field, "must be a resource name (letters and digits, starting lower case)");
            } else if (used == null || used < 0) {
                checks.reject(field, "must be zero or more");
            } else {
                checked.put(resource, used);
            }
        });
        checks.throwIfAny();
        get(packageId);
        return change(null, packageId, change -> {
            PackageEntity pkg = change.pkg();
            requireNotEnded(pkg);
            pkg.usage().putAll(checked);
            applyQuota(change, plan(change.em(), pkg.planCode()), actor);
            return toDto(change.em(), pkg);
        });
    }

    @Override
    public CustomerPackage provision(String packageId, List<String> dedicatedIps, List<Certificate> certificates, String actor) {
        FieldChecks checks = new FieldChecks();
        List<String> addresses = PackageChecks.ipAddresses(checks, dedicatedIps);
        List<Certificate> checkedCertificates = PackageChecks.certificates(checks, certificates);
        checks.throwIfAny();
        get(packageId);
        return change(null, packageId, change -> {
            PackageEntity pkg = change.pkg();
            requireNotEnded(pkg);
            if (dedicatedIps != null) {
                pkg.dedicatedIps(addresses);
            }
            if (certificates != null) {
                pkg.certificates(checkedCertificates);
            }
            return toDto(change.em(), pkg);
        });
    }

    // --- jobs ----------------------------------------------------------------------------------------

    @Override
    public int runDue(LocalDate asOf) {
        LocalDate day = Objects.requireNonNull(asOf, "asOf");
        List<String> downgrades = Reads.read(jpa, em -> em.createQuery("select c.packageId from"
                + " PlanChangeEntity c where c.status = :scheduled and c.effectiveOn <= :day order by c.effectiveOn", String.class)
                .setParameter("scheduled", PlanChangeStatus.SCHEDULED).setParameter("day", day).getResultList());
        List<String> cancellations = Reads.read(jpa, em -> em.createQuery("select p.id from PackageEntity p"
                + " where p.cancelOn <= :day and p.status in :live order by p.cancelOn", String.class)
                .setParameter("day", day).setParameter("live", List.of(PackageStatus.ACTIVE, PackageStatus.SUSPENDED)).getResultList());
        int applied = 0;
        for (String packageId : downgrades) {
            applied += runOne(packageId, change -> applyDueDowngrade(change, day));
        }
        for (String packageId : cancellations) {
            applied += runOne(packageId, change -> applyDueCancellation(change, day));
        }
        return applied;
    }

    private static final List<PackageStatus> LIVE = List.of(PackageStatus.ACTIVE, PackageStatus.SUSPENDED);

    /**
     * The next {@code size} due packages after the cursor, in (account, id) order. The keys come first, in windows, from the
     * (account, id) index alone, and only then the due packages among them: asked in one query, Derby picks the status
     * index once it has statistics and sorts every due package for every chunk, which made a renewal run quadratic
     * (100 000 packages: 171 instead of 450 per second).
     */
    private static List<PackageEntity> nextDue(EntityManager em, LocalDate through, String afterAccountId, String afterPackageId, int size) {
        List<PackageEntity> due = new ArrayList<>(size);
        String account = afterAccountId;
        String after = afterPackageId;
        while (due.size() < size) {
            var keys = em.createQuery("select p.accountId, p.id from PackageEntity p"
                    + (account == null ? "" : " where p.accountId >= :account and (p.accountId > :account or p.id > :after)")
                    + " order by p.accountId, p.id", Object[].class).setMaxResults(size);
            if (account != null) {
                keys.setParameter("account", account).setParameter("after", after);
            }
            List<Object[]> window = keys.getResultList();
            if (window.isEmpty()) {
                break;
            }
            due.addAll(em.createQuery("select p from PackageEntity p where p.id in :ids and p.status in :live and p.nextDueDate <= :through"
                    + " and (p.cancelOn is null or p.cancelOn > p.nextDueDate) order by p.accountId, p.id", PackageEntity.class)
                    .setParameter("ids", window.stream().map(key -> (String) key[1]).toList()).setParameter("live", LIVE)
                    .setParameter("through", through).getResultList());
            Object[] last = window.get(window.size() - 1);
            account = (String) last[0];
            after = (String) last[1];
            if (window.size() < size) {
                break;
            }
        }
        return due.size() > size ? due.subList(0, size) : due;
    }

    @Override
    public List<RenewalDue> dueForRenewal(LocalDate through, String afterAccountId, String afterPackageId, int limit) {
        Objects.requireNonNull(through, "through");
        int size = Math.max(1, limit);
        return Reads.read(jpa, em -> {
            List<PackageEntity> due = nextDue(em, through, afterAccountId, afterPackageId == null ? "" : afterPackageId, size);
            if (due.isEmpty()) {
                return List.of();
            }
            Map<String, PlanChangeEntity> scheduled = new HashMap<>();
            em.createQuery("select c from PlanChangeEntity c where c.status = :s and c.packageId in :ids", PlanChangeEntity.class)
                    .setParameter("s", PlanChangeStatus.SCHEDULED).setParameter("ids", due.stream().map(PackageEntity::id).toList())
                    .getResultStream().forEach(c -> scheduled.put(c.toDto().packageId(), c));
            Map<String, PlanEntity> plans = new HashMap<>();
            List<RenewalDue> result = new ArrayList<>(due.size());
            for (PackageEntity pkg : due) {
                PlanChangeEntity change = scheduled.get(pkg.id());
                String code = change != null && !change.toDto().effectiveOn().isAfter(pkg.nextDueDate()) ? change.toPlan() : pkg.planCode();
                PlanEntity plan = plans.computeIfAbsent(code, c -> plan(em, c));
                Money price = plan.price(pkg.billingCycle(), pkg.currency()).map(PlanPrice::money).orElse(null);
                result.add(new RenewalDue(pkg.id(), pkg.accountId(), pkg.label(), pkg.type(), code, pkg.billingCycle(), pkg.currency(),
                        price, pkg.nextDueDate(), pkg.followingBoundary(pkg.nextDueDate())));
            }
            return result;
        });
    }

    @Override
    public boolean renewed(String packageId, LocalDate from, LocalDate to, String actor) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return change(null, packageId, change -> {
            PackageEntity pkg = change.pkg();
            if (!pkg.status().live() || !from.equals(pkg.nextDueDate())) {
                return false;
            }
            pkg.nextDueDate(to);
            if (pkg.type() == PlanType.DOMAIN) {
                change.em().createQuery("select d from DomainEntity d where d.packageId = :p", DomainEntity.class)
                        .setParameter("p", pkg.id()).getResultStream().forEach(d -> d.renewedUntil(to));
            }
            change.event(PackageEventType.RENEWED, pkg.status(), from + " -> " + to, actor);
            return true;
        });
    }

    @Override
    public List<ExpiringDomain> domainsExpiring(LocalDate through, String afterDomainId, int limit) {
        Objects.requireNonNull(through, "through");
        return Reads.read(jpa, em -> {
            var query = em.createQuery("select d from DomainEntity d where d.expiresOn is not null and d.expiresOn <= :through"
                    + (afterDomainId == null ? "" : " and d.id > :after")
                    + " and exists (select p.id from PackageEntity p where p.id = d.packageId and p.status in :live) order by d.id",
                    DomainEntity.class).setParameter("through", through).setParameter("live", LIVE).setMaxResults(Math.max(1, limit));
            if (afterDomainId != null) {
                query.setParameter("after", afterDomainId);
            }
            return query.getResultStream().map(DomainEntity::toExpiring).toList();
        });
    }

    @Override
    public boolean holdExpiredDomain(String domainId, LocalDate asOf, String actor) {
        DomainEntity found = Reads.read(jpa, em -> domainId == null ? null : em.find(DomainEntity.class, domainId));
        if (found == null) {
            throw new NotFoundException("domain-not-found", "There is no such domain.");
        }
        return change(null, found.packageId(), change -> {
            DomainEntity domain = change.em().find(DomainEntity.class, domainId, LockModeType.PESSIMISTIC_WRITE);
            if (domain == null || !domain.packageId().equals(change.pkg().id()) || !change.pkg().status().live()
                    || domain.status() == DomainStatus.ON_HOLD || domain.expiresOn() == null || !domain.expiresOn().isBefore(asOf)) {
                return false;
            }
            domain.hold();
            change.event(PackageEventType.DOMAIN_ON_HOLD, change.pkg().status(), domain.name() + " expired " + domain.expiresOn(), actor);
            mail(change.em(), change.pkg(), "packages.domain-on-hold", Map.of("domain", DomainNames.toUnicode(domain.name()),
                    "expiredOn", domain.expiresOn().toString()), "DOMAINS");
            return true;
        });
    }

    /** One package's due change in its own transaction; a failure is logged and the others still run. */
    private int runOne(String packageId, Function<Change, Boolean> work) {
        try {
            return Boolean.TRUE.equals(change(null, packageId, work)) ? 1 : 0;
        } catch (RuntimeException e) {
            LOG.warn("due change of package {} not applied: {}", packageId, e.toString());
            return 0;
        }
    }

    private boolean applyDueDowngrade(Change change, LocalDate day) {
        PackageEntity pkg = change.pkg();
        PlanChangeEntity scheduled = scheduledChange(change.em(), pkg.id());
        if (scheduled == null || scheduled.toDto().effectiveOn().isAfter(day)) {
            return false; // another node or run applied it, or it was revoked
        }
        if (!pkg.status().live()) {
            scheduled.status(PlanChangeStatus.REVOKED);
            return false;
        }
        String from = pkg.planCode();
        PlanEntity next = plan(change.em(), scheduled.toPlan());
        pkg.planCode(next.code());
        scheduled.status(PlanChangeStatus.APPLIED);
        change.event(PackageEventType.PLAN_CHANGED, pkg.status(), from + " -> " + next.code(), SYSTEM);
        applyQuota(change, next, SYSTEM);
        return true;
    }

    private boolean applyDueCancellation(Change change, LocalDate day) {
        PackageEntity pkg = change.pkg();
        if (!pkg.status().live() || pkg.cancellation() == null || pkg.cancellation().effectiveOn().isAfter(day)) {
            return false;
        }
        end(change, PackageStatus.CANCELLED, PackageEventType.CANCELLED, pkg.cancellation().reason(), SYSTEM);
        mail(change.em(), pkg, "packages.cancellation", Map.of("scheduled", false, "effectiveOn", day.toString()), "PRODUCTS");
        return true;
    }

    // --- shared --------------------------------------------------------------------------------------

    /** The unit of work of one change: the locked package, and the events it makes. */
    record Change(EntityManager em, PackageEntity pkg, List<PackageEvent> happened, Instant now) {

        void event(PackageEventType type, PackageStatus from, String detail, String actor) {
            PackageEvent event = new PackageEvent(UUID.randomUUID().toString(), pkg.id(), pkg.accountId(), type, from, pkg.status(),
                    truncate(detail, 500), truncate(actor, 80), now);
            em.persist(new PackageEventEntity(event));
            happened.add(event);
        }
    }

    /**
     * Runs a change of one package in a transaction holding its row lock (the package scoped to the account,
     * or any package for {@code accountId == null}), then tells the listeners.
     */
    private <T> T change(String accountId, String packageId, Function<Change, T> work) {
        List<PackageEvent> happened = new ArrayList<>();
        T result = jpa.txExpr(TransactionType.Required, em -> {
            PackageEntity pkg = packageId == null ? null : em.find(PackageEntity.class, packageId, LockModeType.PESSIMISTIC_WRITE);
            if (pkg == null || accountId != null && !accountId.equals(pkg.accountId())) {
                throw packageNotFound();
            }
            return work.apply(new Change(em, pkg, happened, clock.instant()));
        });
        events.publish(happened);
        return result;
    }

    /** Ends a package: no more scheduled change, no more package login. */
    private void end(Change change, PackageStatus status, PackageEventType type, String detail, String actor) {
        PackageEntity pkg = change.pkg();
        PackageStatus before = pkg.status();
        pkg.status(status);
        PlanChangeEntity scheduled = scheduledChange(change.em(), pkg.id());
        if (scheduled != null) {
            scheduled.status(PlanChangeStatus.REVOKED);
        }
        passwords.revoke(pkg.id(), actor);
        change.event(type, before, detail, actor);
    }

    /**
     * The quota rule: over any limit of the plan → suspended for QUOTA and the technical contact told; under
     * every limit again → the QUOTA reason lifted (ACTIVE unless another reason remains).
     */
    private void applyQuota(Change change, PlanEntity plan, String actor) {
        PackageEntity pkg = change.pkg();
        if (!pkg.status().live()) {
            return;
        }
        List<Resource> over = resources(change.em(), pkg, plan).stream().filter(Resource::exceeded).toList();
        Set<SuspendReason> reasons = pkg.suspendReasons();
        PackageStatus before = pkg.status();
        String detail = over.stream().map(r -> r.name() + " " + r.used() + "/" + r.limit()).collect(Collectors.joining(", "));
        if (!over.isEmpty() && reasons.add(SuspendReason.QUOTA)) {
            pkg.suspendReasons(reasons);
            change.event(PackageEventType.SUSPENDED, before, "QUOTA: " + detail, actor);
            mail(change.em(), pkg, "packages.quota-exceeded", Map.of("resources", detail), "PRODUCTS");
        } else if (over.isEmpty() && reasons.remove(SuspendReason.QUOTA)) {
            pkg.suspendReasons(reasons);
            change.event(PackageEventType.UNSUSPENDED, before, "QUOTA", actor);
            mail(change.em(), pkg, "packages.quota-restored", Map.of("stillSuspended", pkg.status() == PackageStatus.SUSPENDED),
                    "PRODUCTS");
        }
    }

    /** Queues a mail about a package to the account's owner and the recipients of the category, in the change's transaction. */
    private void mail(EntityManager em, PackageEntity pkg, String template, Map<String, Object> extra, String category) {
        Account account = accounts.get(pkg.accountId());
        Map<String, Object> params = new LinkedHashMap<>(extra);
        params.put("name", account.ownerName());
        params.put("customerNumber", account.customerNumber());
        params.put("package", pkg.label());
        params.put("plan", pkg.planCode());
        notifications.send(new OutgoingMessage(template, account.id(), account.language(), OutgoingMessage.EMAIL,
                List.of(account.email()), category, params, null, false));
    }

    /**
     * The plan's limits with the usage: {@code domains} and {@code apps} are counted, everything else is the
     * last recorded usage.
     */
    static List<Resource> resources(EntityManager em, PackageEntity pkg, PlanEntity plan) {
        Map<String, Long> used = new HashMap<>(pkg.usage());
        used.put("domains", countOf(em, "DomainEntity", pkg.id()));
        used.put("apps", countOf(em, "AppEntity", pkg.id()));
        Map<String, Resource> resources = new TreeMap<>();
        plan.limits().forEach((name, limit) -> resources.put(name, new Resource(name, limit, used.getOrDefault(name, 0L))));
        pkg.usage().forEach((name, recorded) -> resources.putIfAbsent(name, new Resource(name, null, recorded)));
        return List.copyOf(resources.values());
    }

    private CustomerPackage toDto(EntityManager em, PackageEntity pkg) {
        PlanEntity plan = plan(em, pkg.planCode());
        Money price = plan.price(pkg.billingCycle(), pkg.currency()).map(PlanPrice::money).orElse(null);
        PlanChangeEntity scheduled = scheduledChange(em, pkg.id());
        return new CustomerPackage(pkg.id(), pkg.accountId(), pkg.label(), pkg.planCode(), pkg.type(), pkg.status(),
                pkg.suspendReasons(), pkg.startDate(), pkg.billingCycle(), price, pkg.nextDueDate(), domainsOf(em, pkg.id()),
                resources(em, pkg, plan), List.copyOf(pkg.dedicatedIps()), pkg.certificates(), appsOf(em, pkg.id()),
                TechnicalSettings.effective(pkg.type(), pkg.settings()), scheduled == null ? null : scheduled.toDto(),
                pkg.cancellation(), pkg.createdAt());
    }

    /** The package, if it is the account's ({@code accountId == null}: any); 404 otherwise. */
    private static PackageEntity owned(EntityManager em, String accountId, String packageId) {
        PackageEntity pkg = packageId == null ? null : em.find(PackageEntity.class, packageId);
        if (pkg == null || accountId != null && !accountId.equals(pkg.accountId())) {
            throw packageNotFound();
        }
        return pkg;
    }

    private static NotFoundException packageNotFound() {
        return new NotFoundException("package-not-found", "There is no such package.");
    }

    private void requireOwnedOrStaff(String accountId, String packageId) {
        if (accountId == null) {
            get(packageId);
        } else {
            requireOwned(accountId, packageId);
        }
    }

    private static PlanEntity plan(EntityManager em, String code) {
        return Plans.byCode(em, code).orElseThrow(() -> new IllegalStateException("plan " + code + " of a package is missing"));
    }

    private static PlanChangeEntity scheduledChange(EntityManager em, String packageId) {
        return em.createQuery("select c from PlanChangeEntity c where c.packageId = :p and c.status = :s", PlanChangeEntity.class)
                .setParameter("p", packageId).setParameter("s", PlanChangeStatus.SCHEDULED).getResultStream().findFirst().orElse(null);
    }

    private static List<Domain> domainsOf(EntityManager em, String packageId) {
        return em.createQuery("select d from DomainEntity d where d.packageId = :p order by d.createdAt, d.name", DomainEntity.class)
                .setParameter("p", packageId).getResultStream().map(DomainEntity::toDto).toList();
    }

    private static List<InstalledApp> appsOf(EntityManager em, String packageId) {
        return em.createQuery("select a from AppEntity a where a.packageId = :p order by a.path", AppEntity.class)
                .setParameter("p", packageId).getResultStream().map(AppEntity::toDto).toList();
    }

    private static DomainEntity domainOf(EntityManager em, String packageId, String domainId) {
        DomainEntity domain = domainId == null ? null : em.find(DomainEntity.class, domainId);
        if (domain == null || !domain.packageId().equals(packageId)) {
            throw new NotFoundException("domain-not-found", "There is no such domain in this package.");
        }
        return domain;
    }

    static DomainEntity domainByName(EntityManager em, String name) {
        return em.createQuery("select d from DomainEntity d where d.name = :n", DomainEntity.class).setParameter("n", name)
                .getResultStream().findFirst().orElse(null);
    }

    private static long countOf(EntityManager em, String entity, String packageId) {
        return em.createQuery("select count(e) from " + entity + " e where e.packageId = :p", Long.class)
                .setParameter("p", packageId).getSingleResult();
    }

    private static void requireLive(PackageEntity pkg) {
        if (!pkg.status().live()) {
            throw new RuleViolationException("package-not-live", "The package is " + pkg.status() + ".");
        }
    }

    private static void requireNotEnded(PackageEntity pkg) {
        if (pkg.status() == PackageStatus.CANCELLED || pkg.status() == PackageStatus.TERMINATED) {
            throw new RuleViolationException("package-not-live", "The package is " + pkg.status() + ".");
        }
    }

    static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static ConflictException domainTaken(String domain) {
        return new ConflictException("domain-taken", "The domain " + domain + " is already in use.");
    }

    private static ConflictException appPathTaken() {
        return new ConflictException("app-path-taken", "Another application is installed at this path.");
    }

    private static NotFoundException noScheduledChange() {
        return new NotFoundException("no-scheduled-change", "No plan change is scheduled.");
    }
}
