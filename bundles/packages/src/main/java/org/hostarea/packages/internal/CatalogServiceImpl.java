package org.hostarea.packages.internal;

import java.util.List;
import java.util.UUID;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.hostarea.core.ConflictException;
import org.hostarea.core.FieldChecks;
import org.hostarea.core.NotFoundException;
import org.hostarea.core.jpa.Reads;
import org.hostarea.core.jpa.Writes;
import org.hostarea.packages.CatalogService;
import org.hostarea.packages.Plan;
import org.hostarea.packages.PlanInput;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The catalog. Plan codes are unique (a constraint decides races); the plans named as upgrade or downgrade
 * targets must exist; a plan that packages use keeps its code and type and cannot be deleted.
 */
@Component(service = CatalogService.class)
public class CatalogServiceImpl implements CatalogService {

    private final JpaTemplate jpa;

    @Activate
    public CatalogServiceImpl(@Reference(target = "(osgi.unit.name=packages)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public List<Plan> plans(boolean activeOnly) {
        return Reads.read(jpa, em -> em.createQuery("select p from PlanEntity p"
                + (activeOnly ? " where p.active = true" : "") + " order by p.type, p.code", PlanEntity.class)
                .getResultStream().map(PlanEntity::toDto).toList());
    }

    @Override
    public Plan plan(String id) {
        return Reads.read(jpa, em -> find(em, id).toDto());
    }

    @Override
    public Plan planByCode(String code) {
        return Reads.read(jpa, em -> Plans.byCode(em, code)).map(PlanEntity::toDto)
                .orElseThrow(CatalogServiceImpl::notFound);
    }

    @Override
    public Plan create(PlanInput input) {
        PlanInput plan = CatalogRules.check(input);
        Reads.read(jpa, em -> {
            checkTargets(em, plan);
            return null;
        });
        if (Reads.read(jpa, em -> Plans.byCode(em, plan.code())).isPresent()) {
            throw codeTaken();
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            PlanEntity entity = new PlanEntity(UUID.randomUUID().toString(), plan);
            em.persist(entity);
            Writes.flushUnique(em, CatalogServiceImpl::codeTaken);
            return entity.toDto();
        });
    }

    @Override
    public Plan update(String id, PlanInput input) {
        PlanInput plan = CatalogRules.check(input);
        Reads.read(jpa, em -> {
            checkTargets(em, plan);
            return null;
        });
        Plan current = plan(id);
        if (!current.code().equals(plan.code()) || current.type() != plan.type()) {
            if (Reads.read(jpa, em -> Plans.inUse(em, current.code()))) {
                throw new ConflictException("plan-in-use", "Packages use this plan: its code and type cannot change.");
            }
            if (!current.code().equals(plan.code())
                    && Reads.read(jpa, em -> Plans.byCode(em, plan.code())).isPresent()) {
                throw codeTaken();
            }
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            PlanEntity entity = find(em, id);
            entity.apply(plan);
            Writes.flushUnique(em, CatalogServiceImpl::codeTaken);
            return entity.toDto();
        });
    }

    @Override
    public void delete(String id) {
        Plan current = plan(id);
        if (Reads.read(jpa, em -> Plans.inUse(em, current.code()))) {
            throw new ConflictException("plan-in-use", "Packages use this plan; withdraw it with active: false instead.");
        }
        jpa.tx(TransactionType.Required, em -> em.remove(find(em, id)));
    }

    /** Every upgrade and downgrade target must be a plan of the catalog. */
    private static void checkTargets(EntityManager em, PlanInput plan) {
        FieldChecks checks = new FieldChecks();
        for (int i = 0; i < plan.upgradesTo().size(); i++) {
            if (Plans.byCode(em, plan.upgradesTo().get(i)).isEmpty()) {
                checks.reject("upgradesTo[" + i + "]", "is not a plan of the catalog");
            }
        }
        for (int i = 0; i < plan.downgradesTo().size(); i++) {
            if (Plans.byCode(em, plan.downgradesTo().get(i)).isEmpty()) {
                checks.reject("downgradesTo[" + i + "]", "is not a plan of the catalog");
            }
        }
        checks.throwIfAny();
    }

    private static PlanEntity find(EntityManager em, String id) {
        PlanEntity entity = id == null ? null : em.find(PlanEntity.class, id);
        if (entity == null) {
            throw notFound();
        }
        return entity;
    }

    private static NotFoundException notFound() {
        return new NotFoundException("plan-not-found", "There is no such plan.");
    }

    private static ConflictException codeTaken() {
        return new ConflictException("plan-code-taken", "Another plan has this code.");
    }
}
