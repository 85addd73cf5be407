package org.hostarea.packages;

import java.util.List;

/** The technical data of a domain: 2 to 13 name servers, or none for the provider's; DNSSEC on or off. */
public record DomainSettings(List<String> nameservers, Boolean dnssec) {
}
