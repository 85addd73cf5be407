package org.hostarea.billing;

import java.util.Set;

/** An installed payment gateway as customers may choose it. */
public record GatewayInfo(String id, String displayName, Set<String> currencies) {
}
