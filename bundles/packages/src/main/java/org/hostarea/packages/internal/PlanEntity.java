package org.hostarea.packages.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.MapKeyColumn;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;
import javax.persistence.Version;

import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

import org.hostarea.packages.BillingCycle;
import org.hostarea.packages.Plan;
import org.hostarea.packages.PlanInput;
import org.hostarea.packages.PlanPrice;
import org.hostarea.packages.PlanType;

/** A plan of the catalog with its names, prices, limits and allowed changes (each in its own table). */
@Entity
@Table(name = "HA_PLAN", uniqueConstraints = @UniqueConstraint(name = "UQ_PLAN_CODE", columnNames = "CODE"))
public class PlanEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "CODE", length = 40, nullable = false)
    private String code;

    @Enumerated(EnumType.STRING)
    @Column(name = "PLAN_TYPE", length = 16, nullable = false)
    private PlanType type;

    @Column(name = "ACTIVE", nullable = false)
    private boolean active;

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchFetch(BatchFetchType.IN) // one query for the collections of a whole page, not one per row
    @CollectionTable(name = "HA_PLAN_NAME", joinColumns = @JoinColumn(name = "PLAN_ID"))
    @MapKeyColumn(name = "LANG", length = 2)
    @Column(name = "NAME", length = 100, nullable = false)
    private Map<String, String> names = new HashMap<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "HA_PLAN_PRICE", joinColumns = @JoinColumn(name = "PLAN_ID"))
    private List<PlanPriceEmbeddable> prices = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchFetch(BatchFetchType.IN) // one query for the collections of a whole page, not one per row
    @CollectionTable(name = "HA_PLAN_LIMIT", joinColumns = @JoinColumn(name = "PLAN_ID"))
    @MapKeyColumn(name = "RESOURCE_NAME", length = 40)
    @Column(name = "LIMIT_VALUE", nullable = false)
    private Map<String, Long> limits = new HashMap<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchFetch(BatchFetchType.IN) // one query for the collections of a whole page, not one per row
    @CollectionTable(name = "HA_PLAN_UPGRADE", joinColumns = @JoinColumn(name = "PLAN_ID"))
    @Column(name = "TARGET_CODE", length = 40, nullable = false)
    private List<String> upgradesTo = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchFetch(BatchFetchType.IN) // one query for the collections of a whole page, not one per row
    @CollectionTable(name = "HA_PLAN_DOWNGRADE", joinColumns = @JoinColumn(name = "PLAN_ID"))
    @Column(name = "TARGET_CODE", length = 40, nullable = false)
    private List<String> downgradesTo = new ArrayList<>();

    @Version
    @Column(name = "VERSION")
    private long version;

    protected PlanEntity() {
    }

    PlanEntity(String id, PlanInput input) {
        this.id = id;
        apply(input);
    }

    /** Takes every field of a checked input. */
    void apply(PlanInput input) {
        this.code = input.code();
        this.type = input.type();
        this.active = input.active() == null || input.active();
        this.names = new HashMap<>(input.names());
        this.prices = new ArrayList<>(input.prices().stream().map(PlanPriceEmbeddable::new).toList());
        this.limits = new HashMap<>(input.limits() == null ? Map.of() : input.limits());
        this.upgradesTo = new ArrayList<>(new TreeSet<>(input.upgradesTo() == null ? List.of() : input.upgradesTo()));
        this.downgradesTo = new ArrayList<>(new TreeSet<>(input.downgradesTo() == null ? List.of() : input.downgradesTo()));
    }

    String id() {
        return id;
    }

    String code() {
        return code;
    }

    PlanType type() {
        return type;
    }

    boolean active() {
        return active;
    }

    Map<String, Long> limits() {
        return limits;
    }

    boolean upgradesTo(String target) {
        return upgradesTo.contains(target);
    }

    boolean downgradesTo(String target) {
        return downgradesTo.contains(target);
    }

    Optional<PlanPrice> price(BillingCycle cycle, String currency) {
        return prices.stream().map(PlanPriceEmbeddable::toDto)
                .filter(price -> price.cycle() == cycle && price.currency().equals(currency)).findFirst();
    }

    Plan toDto() {
        return new Plan(id, code, type, names, prices.stream().map(PlanPriceEmbeddable::toDto).toList(), limits,
                upgradesTo, downgradesTo, active);
    }
}
