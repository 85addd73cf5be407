package org.hostarea.billing.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.hostarea.billing.ExchangeRate;
import org.hostarea.billing.ExchangeRateService;
import org.hostarea.core.FieldChecks;
import org.hostarea.core.jpa.Reads;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** Staff-maintained exchange rates; setting one replaces it (a payment stores the rate it used). */
@Component(service = {ExchangeRateService.class, ExchangeRateServiceImpl.class})
public class ExchangeRateServiceImpl implements ExchangeRateService {

    private final JpaTemplate jpa;
    private final Clock clock;

    @Activate
    public ExchangeRateServiceImpl(@Reference(target = "(osgi.unit.name=billing)") JpaTemplate jpa,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) Clock clock) {
        this.jpa = jpa;
        this.clock = clock;
    }

    @Override
    public List<ExchangeRate> rates() {
        return Reads.read(jpa, em -> em.createQuery("select r from ExchangeRateEntity r order by r.id", ExchangeRateEntity.class)
                .getResultStream().map(ExchangeRateEntity::toDto).toList());
    }

    @Override
    public ExchangeRate set(String from, String to, BigDecimal rate, String actor) {
        FieldChecks checks = new FieldChecks();
        Currency source = checks.currency("from", from);
        Currency target = checks.currency("to", to);
        if (source != null && source.equals(target)) {
            checks.reject("to", "must be another currency");
        }
        if (rate == null || rate.signum() <= 0 || rate.stripTrailingZeros().scale() > 8 || rate.compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
            checks.reject("rate", "must be more than 0 and at most 1000000, with at most 8 decimals");
        }
        checks.throwIfAny();
        return jpa.txExpr(TransactionType.Required, em -> {
            ExchangeRateEntity entity = em.find(ExchangeRateEntity.class, from + ":" + to);
            if (entity == null) {
                entity = new ExchangeRateEntity(from, to);
                entity.set(rate, clock.instant(), actor);
                em.persist(entity);
            } else {
                entity.set(rate, clock.instant(), actor);
            }
            return entity.toDto();
        });
    }

    /** The rate from one currency to another, if staff set one. */
    Optional<BigDecimal> rate(String from, String to) {
        return Reads.read(jpa, em -> find(em, from, to));
    }

    private static Optional<BigDecimal> find(EntityManager em, String from, String to) {
        return Optional.ofNullable(em.find(ExchangeRateEntity.class, from + ":" + to)).map(ExchangeRateEntity::rate);
    }
}
