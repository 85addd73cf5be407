package org.hostarea.billing.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.hostarea.billing.NewPaymentMethod;
import org.hostarea.billing.PaymentMethod;
import org.hostarea.billing.PaymentMethodService;
import org.hostarea.core.FieldChecks;
import org.hostarea.core.NotFoundException;
import org.hostarea.core.ValidationException;
import org.hostarea.core.jpa.Reads;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Stored payment methods. References are what a gateway handed out; anything that contains a card number
 * (13 to 19 digits passing the Luhn check, also with spaces or dashes) is refused, so no card data is ever
 * stored. Changing the default clears the others in the same transaction.
 */
@Component(service = PaymentMethodService.class)
public class PaymentMethodServiceImpl implements PaymentMethodService {

    private static final Pattern GATEWAY = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9._:/+=-]{4,200}");
    private static final Pattern DIGIT_RUN = Pattern.compile("\\d{13,}");
    private static final int MAX_METHODS = 20;

    private final JpaTemplate jpa;
    private final Clock clock;

    @Activate
    public PaymentMethodServiceImpl(@Reference(target = "(osgi.unit.name=billing)") JpaTemplate jpa,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) Clock clock) {
        this.jpa = jpa;
        this.clock = clock;
    }

    @Override
    public List<PaymentMethod> methods(String accountId) {
        return Reads.read(jpa, em -> all(em, accountId).stream().map(PaymentMethodEntity::toDto).toList());
    }

    @Override
    public PaymentMethod add(String accountId, NewPaymentMethod input) {
        NewPaymentMethod method = ValidationException.requireBody(input);
        FieldChecks checks = new FieldChecks();
        String gateway = checks.text("gateway", method.gateway(), 40);
        if (gateway != null && !GATEWAY.matcher(gateway).matches()) {
            checks.reject("gateway", "must be a gateway id");
        }
        String label = checks.text("label", method.label(), 60);
        String reference = checks.text("reference", method.reference(), 200);
        if (reference != null && looksLikeCardNumber(reference)) {
            checks.reject("reference", "must be a gateway reference, never card data");
        } else if (reference != null && !REFERENCE.matcher(reference).matches()) {
            checks.reject("reference", "must be a gateway reference (letters, digits and . _ : / + = -)");
        }
        checks.throwIfAny();
        if (methods(accountId).size() >= MAX_METHODS) {
            throw ValidationException.of("reference", "at most " + MAX_METHODS + " payment methods can be stored");
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            PaymentMethodEntity entity = new PaymentMethodEntity(UUID.randomUUID().toString(), accountId, gateway, label, reference,
                    clock.instant());
            em.persist(entity);
            if (Boolean.TRUE.equals(method.makeDefault()) || all(em, accountId).stream().noneMatch(m -> m.toDto().isDefault())) {
                setDefault(em, accountId, entity);
            }
            return entity.toDto();
        });
    }

    @Override
    public void remove(String accountId, String methodId) {
        find(accountId, methodId);
        jpa.tx(TransactionType.Required, em -> {
            PaymentMethodEntity method = em.find(PaymentMethodEntity.class, methodId);
            if (method == null) {
                return;
            }
            boolean wasDefault = method.toDto().isDefault();
            em.remove(method);
            em.flush();
            if (wasDefault) {
                all(em, accountId).stream().findFirst().ifPresent(next -> setDefault(em, accountId, next));
            }
        });
    }

    @Override
    public PaymentMethod makeDefault(String accountId, String methodId) {
        find(accountId, methodId);
        return jpa.txExpr(TransactionType.Required, em -> {
            PaymentMethodEntity method = em.find(PaymentMethodEntity.class, methodId);
            setDefault(em, accountId, method);
            return method.toDto();
        });
    }

    @Override
    public String reference(String accountId, String methodId, String gateway) {
        PaymentMethodEntity method = find(accountId, methodId);
        if (!method.gateway().equals(gateway)) {
            throw ValidationException.of("options.paymentMethodId", "is a method of another gateway");
        }
        return method.reference();
    }

    private PaymentMethodEntity find(String accountId, String methodId) {
        return Reads.read(jpa, em -> {
            PaymentMethodEntity method = methodId == null ? null : em.find(PaymentMethodEntity.class, methodId);
            if (method == null || !method.accountId().equals(accountId)) {
                throw new NotFoundException("payment-method-not-found", "There is no such payment method.");
            }
            return method;
        });
    }

    private static void setDefault(EntityManager em, String accountId, PaymentMethodEntity method) {
        em.createQuery("update PaymentMethodEntity m set m.isDefault = false where m.accountId = :a").setParameter("a", accountId)
                .executeUpdate();
        em.refresh(method);
        method.makeDefault(true);
    }

    private static List<PaymentMethodEntity> all(EntityManager em, String accountId) {
        return em.createQuery("select m from PaymentMethodEntity m where m.accountId = :a order by m.createdAt desc, m.id",
                PaymentMethodEntity.class).setParameter("a", accountId).getResultList();
    }

    /**
     * Whether the text holds a card number: with every separator removed (spaces, dots, dashes, anything not a
     * letter or digit), some 13 to 19 consecutive digits pass the Luhn check.
     */
    static boolean looksLikeCardNumber(String text) {
        Matcher run = DIGIT_RUN.matcher(text.replaceAll("[^A-Za-z0-9]", ""));
        while (run.find()) {
            String digits = run.group();
            for (int length = 13; length <= Math.min(19, digits.length()); length++) {
                for (int start = 0; start + length <= digits.length(); start++) {
                    if (luhn(digits.substring(start, start + length))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }
}
