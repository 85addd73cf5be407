package org.hostarea.packages.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.hostarea.core.DomainNames;
import org.hostarea.core.FieldChecks;
import org.hostarea.packages.Certificate;
import org.hostarea.packages.DomainSettings;

/** Field checks of package input: name servers, IP addresses, certificates, usage. */
final class PackageChecks {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}");
    private static final Pattern HEX_GROUP = Pattern.compile("[0-9a-f]{1,4}");
    static final int MAX_NAMESERVERS = 13;

    private PackageChecks() {
    }

    /** Name servers: none (the provider's) or 2 to 13 distinct host names; {@code null} if rejected. */
    static List<String> nameservers(FieldChecks checks, List<String> given) {
        List<String> servers = new ArrayList<>();
        if (given.size() == 1 || given.size() > MAX_NAMESERVERS) {
            checks.reject("nameservers", "must be empty or 2 to " + MAX_NAMESERVERS + " host names");
            return null;
        }
        for (int i = 0; i < given.size(); i++) {
            String server = given.get(i) == null ? null : DomainNames.normalize(given.get(i)).orElse(null);
            if (server == null) {
                checks.reject("nameservers[" + i + "]", "must be a host name");
            } else if (servers.contains(server)) {
                checks.reject("nameservers[" + i + "]", "is listed twice");
            } else {
                servers.add(server);
            }
        }
        return servers;
    }

    static DomainSettings domainSettings(DomainSettings settings) {
        FieldChecks checks = new FieldChecks();
        List<String> servers = settings.nameservers() == null ? null : nameservers(checks, settings.nameservers());
        checks.throwIfAny();
        return new DomainSettings(servers, settings.dnssec());
    }

    /** An IPv4 or IPv6 address literal in canonical lower case; {@code null} if it is none. */
    static String ipAddress(String value) {
        if (value == null || value.length() > 45) {
            return null;
        }
        String address = value.strip().toLowerCase(Locale.ROOT);
        if (IPV4.matcher(address).matches()) {
            return address;
        }
        if (!address.contains(":") || address.indexOf("::") != address.lastIndexOf("::")) {
            return null;
        }
        boolean compressed = address.contains("::");
        String[] halves = compressed ? address.split("::", -1) : new String[] {address};
        int groups = 0;
        for (String half : halves) {
            if (half.isEmpty()) {
                continue;
            }
            for (String group : half.split(":", -1)) {
                if (!HEX_GROUP.matcher(group).matches()) {
                    return null;
                }
                groups++;
            }
        }
        return (compressed ? groups <= 7 : groups == 8) ? address : null;
    }

    static List<String> ipAddresses(FieldChecks checks, List<String> given) {
        List<String> addresses = new ArrayList<>();
        if (given == null) {
            return addresses;
        }
        if (given.size() > 64) {
            checks.reject("dedicatedIps", "must have at most 64 addresses");
            return addresses;
        }
        for (int i = 0; i < given.size(); i++) {
            String address = ipAddress(given.get(i));
            if (address == null) {
                checks.reject("dedicatedIps[" + i + "]", "must be an IPv4 or IPv6 address");
            } else if (!addresses.contains(address)) {
                addresses.add(address);
            }
        }
        return addresses;
    }

    static List<Certificate> certificates(FieldChecks checks, List<Certificate> given) {
        List<Certificate> certificates = new ArrayList<>();
        if (given == null) {
            return certificates;
        }
        if (given.size() > 64) {
            checks.reject("certificates", "must have at most 64 certificates");
            return certificates;
        }
        for (int i = 0; i < given.size(); i++) {
            Certificate certificate = given.get(i);
            String field = "certificates[" + i + "]";
            if (certificate == null) {
                checks.reject(field, "is required");
                continue;
            }
            String name = certificate.name();
            boolean wildcard = name != null && name.startsWith("*.");
            String host = name == null ? null : DomainNames.normalize(wildcard ? name.substring(2) : name).orElse(null);
            if (host == null) {
                checks.reject(field + ".name", "must be a host name, optionally *.example.com");
            }
            checks.required(field + ".expiresOn", certificate.expiresOn());
            if (host != null && certificate.expiresOn() != null) {
                certificates.add(new Certificate((wildcard ? "*." : "") + host, certificate.expiresOn()));
            }
        }
        return certificates;
    }
}
