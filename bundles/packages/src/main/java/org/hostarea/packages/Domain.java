package org.hostarea.packages;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A domain of a package. Unique across the system.
 *
 * @param name the stored (ASCII, lower case) form, e.g. {@code xn--mnchen-3ya.de}
 * @param displayName the Unicode form, e.g. {@code münchen.de}
 * @param expiresOn for registered domains: the end of the registration; {@code null} if not registered here
 * @param status ON_HOLD once the registration expired unrenewed
 * @param registrant the domain's holder as recorded here, or {@code null} for the account's master data
 * @param nameservers its technical data: the name servers (empty: the provider's)
 */
public record Domain(String id, String packageId, String name, String displayName, LocalDate expiresOn,
        DomainStatus status, List<String> nameservers, boolean dnssec, Registrant registrant, Instant createdAt) {

    public Domain {
        nameservers = List.copyOf(nameservers);
    }
}
