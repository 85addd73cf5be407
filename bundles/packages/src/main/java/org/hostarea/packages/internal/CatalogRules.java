package org.hostarea.packages.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.hostarea.core.FieldChecks;
import org.hostarea.core.Money;
import org.hostarea.core.ValidationException;
import org.hostarea.packages.PlanInput;
import org.hostarea.packages.PlanPrice;

/** The shape of a plan: what {@link CatalogServiceImpl} accepts, every bad field reported at once. */
final class CatalogRules {

    static final Pattern CODE = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?");
    static final Pattern RESOURCE = Pattern.compile("[a-z][A-Za-z0-9]{0,39}");
    static final Set<String> LANGUAGES = Set.of("en", "es", "de");
    static final int MAX_ITEMS = 50;

    private CatalogRules() {
    }

    /** A checked copy: trimmed names, lists without duplicates, {@code active} set. */
    static PlanInput check(PlanInput input) {
        PlanInput plan = ValidationException.requireBody(input);
        FieldChecks checks = new FieldChecks();
        String code = checks.text("code", plan.code(), 40);
        if (code != null && !CODE.matcher(code).matches()) {
            checks.reject("code", "must be lower-case letters, digits and inner hyphens (at most 40)");
        }
        checks.required("type", plan.type());
        Map<String, String> names = new LinkedHashMap<>();
        if (plan.names() == null || !plan.names().containsKey("en")) {
            checks.reject("names.en", "is required");
        }
        if (plan.names() != null) {
            plan.names().forEach((language, name) -> {
                if (!LANGUAGES.contains(language)) {
                    checks.reject("names." + language, "must be a language of " + LANGUAGES);
                } else {
                    names.put(language, checks.text("names." + language, name, 100));
                }
            });
        }
        List<PlanPrice> prices = checkPrices(checks, plan.prices());
        Map<String, Long> limits = new LinkedHashMap<>();
        if (plan.limits() != null) {
            if (plan.limits().size() > MAX_ITEMS) {
                checks.reject("limits", "must have at most " + MAX_ITEMS + " resources");
            }
            plan.limits().forEach((resource, limit) -> {
                if (!RESOURCE.matcher(resource).matches()) {
                    checks.reject("limits." + resource, "must be a resource name (letters and digits, starting lower case)");
                } else if (limit == null || limit < 0) {
                    checks.reject("limits." + resource, "must be zero or more");
                } else {
                    limits.put(resource, limit);
                }
            });
        }
        List<String> upgrades = checkCodes(checks, "upgradesTo", plan.upgradesTo(), code);
        List<String> downgrades = checkCodes(checks, "downgradesTo", plan.downgradesTo(), code);
        upgrades.stream().filter(downgrades::contains)
                .forEach(both -> checks.reject("downgradesTo", both + " cannot be both an upgrade and a downgrade"));
        checks.throwIfAny();
        return new PlanInput(code, plan.type(), names, prices, limits, upgrades, downgrades,
                plan.active() == null || plan.active());
    }

    private static List<PlanPrice> checkPrices(FieldChecks checks, List<PlanPrice> prices) {
        List<PlanPrice> checked = new ArrayList<>();
        if (prices == null || prices.isEmpty()) {
            checks.reject("prices", "needs at least one price");
            return checked;
        }
        if (prices.size() > MAX_ITEMS) {
            checks.reject("prices", "must have at most " + MAX_ITEMS + " prices");
            return checked;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < prices.size(); i++) {
            String field = "prices[" + i + "]";
            PlanPrice price = prices.get(i);
            if (price == null) {
                checks.reject(field, "is required");
                continue;
            }
            checks.required(field + ".cycle", price.cycle());
            Currency currency = checks.currency(field + ".currency", price.currency());
            BigDecimal amount = checks.required(field + ".amount", price.amount());
            if (price.cycle() == null || currency == null || amount == null) {
                continue;
            }
            Money money;
            try {
                money = new Money(amount, currency);
            } catch (IllegalArgumentException e) {
                checks.reject(field + ".amount", "must be an amount in " + currency + " (at most "
                        + currency.getDefaultFractionDigits() + " decimals)");
                continue;
            }
            if (money.isNegative()) {
                checks.reject(field + ".amount", "must not be negative");
            } else if (!seen.add(price.cycle() + "/" + currency)) {
                checks.reject(field, "duplicates the " + price.cycle() + " price in " + currency);
            } else {
                checked.add(new PlanPrice(price.cycle(), currency.getCurrencyCode(), money.amount()));
            }
        }
        return checked;
    }

    private static List<String> checkCodes(FieldChecks checks, String field, List<String> codes, String own) {
        List<String> checked = new ArrayList<>();
        if (codes == null) {
            return checked;
        }
        if (codes.size() > MAX_ITEMS) {
            checks.reject(field, "must have at most " + MAX_ITEMS + " plans");
            return checked;
        }
        for (int i = 0; i < codes.size(); i++) {
            String target = codes.get(i);
            if (target == null || !CODE.matcher(target).matches()) {
                checks.reject(field + "[" + i + "]", "must be a plan code");
            } else if (target.equals(own)) {
                checks.reject(field + "[" + i + "]", "must be another plan");
            } else if (!checked.contains(target)) {
                checked.add(target);
            }
        }
        return checked;
    }
}
