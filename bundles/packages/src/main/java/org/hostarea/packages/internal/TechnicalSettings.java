package org.hostarea.packages.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.hostarea.core.DomainNames;
import org.hostarea.core.FieldChecks;
import org.hostarea.packages.PlanType;

/**
 * The technical settings each plan type has, with their defaults and what a value may be. Values are
 * strings ({@code "true"}, {@code "8.3"}); a package stores only what differs from the default.
 */
final class TechnicalSettings {

    /** One setting: its default and the rule its values follow (described for the error message). */
    record Setting(String defaultValue, Predicate<String> valid, String rule) {
    }

    private static final Predicate<String> BOOLEAN = value -> value.equals("true") || value.equals("false");
    private static final Pattern PATH = Pattern.compile("/|(/[A-Za-z0-9._-]{1,64}){1,10}");
    private static final Pattern URL = Pattern.compile("https?://[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?(/[A-Za-z0-9._~%/?=&+-]{0,500})?");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,63}");

    private static final Map<PlanType, Map<String, Setting>> SETTINGS = Map.of(
            PlanType.HOSTING, Map.of(
                    "phpVersion", new Setting("8.3", Set.of("8.1", "8.2", "8.3", "8.4")::contains, "one of 8.1, 8.2, 8.3, 8.4"),
                    "documentRoot", new Setting("/htdocs", TechnicalSettings::path, "an absolute path such as /htdocs"),
                    "sshAccess", new Setting("false", BOOLEAN, "true or false")),
            PlanType.EMAIL, Map.of(
                    "spamFilter", new Setting("true", BOOLEAN, "true or false"),
                    "catchAllAddress", new Setting("", value -> value.isEmpty() || EMAIL.matcher(value).matches(),
                            "an email address, or empty for none")),
            PlanType.DOMAIN, Map.of(
                    "forwardUrl", new Setting("", value -> value.isEmpty() || URL.matcher(value).matches(),
                            "an http(s) URL, or empty for none")),
            PlanType.SERVER, Map.of(
                    "monitoring", new Setting("true", BOOLEAN, "true or false"),
                    "rootLogin", new Setting("false", BOOLEAN, "true or false")),
            PlanType.SSL, Map.of(
                    "validationMethod", new Setting("HTTP", Set.of("HTTP", "DNS")::contains, "HTTP or DNS")),
            PlanType.DEDICATED_IP, Map.of(
                    "reverseDns", new Setting("", value -> value.isEmpty() || DomainNames.normalize(value).isPresent(),
                            "a host name, or empty for the provider's")),
            PlanType.APP, Map.of(
                    "autoUpdate", new Setting("true", BOOLEAN, "true or false")));

    private TechnicalSettings() {
    }

    /** Every setting of the type with its current value: the stored one or the default. */
    static Map<String, String> effective(PlanType type, Map<String, String> stored) {
        Map<String, String> values = new TreeMap<>();
        SETTINGS.getOrDefault(type, Map.of()).forEach((key, setting) -> values.put(key, stored.getOrDefault(key, setting.defaultValue())));
        return values;
    }

    /**
     * Checks changes against the type's settings; returns them with the default for empty values.
     *
     * @throws org.hostarea.core.ValidationException naming every unknown key and bad value
     */
    static Map<String, String> check(PlanType type, Map<String, String> changes) {
        FieldChecks checks = new FieldChecks();
        Map<String, Setting> known = SETTINGS.getOrDefault(type, Map.of());
        Map<String, String> checked = new LinkedHashMap<>();
        if (changes.size() > 50) {
            checks.reject("settings", "too many settings");
            checks.throwIfAny();
        }
        changes.forEach((key, value) -> {
            Setting setting = known.get(key);
            String field = "settings." + (key.length() > 40 ? key.substring(0, 40) : key);
            if (setting == null) {
                checks.reject(field, "is not a setting of " + type + " packages " + known.keySet());
            } else if (value == null || value.isEmpty()) {
                checked.put(key, setting.defaultValue());
            } else if (value.length() > 255 || !setting.valid().test(value)) {
                checks.reject(field, "must be " + setting.rule());
            } else {
                checked.put(key, value);
            }
        });
        checks.throwIfAny();
        return checked;
    }

    /** Stores only what differs from the default. */
    static void apply(PlanType type, Map<String, String> stored, Map<String, String> checked) {
        Map<String, Setting> known = SETTINGS.getOrDefault(type, Map.of());
        checked.forEach((key, value) -> {
            if (value.equals(known.get(key).defaultValue())) {
                stored.remove(key);
            } else {
                stored.put(key, value);
            }
        });
    }

    private static boolean path(String value) {
        return PATH.matcher(value).matches() && !value.contains("/../") && !value.endsWith("/..") && !value.contains("/./")
                && !value.endsWith("/.");
    }

    static boolean validAppPath(String value) {
        return value != null && path(value);
    }
}
