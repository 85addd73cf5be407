package org.hostarea.identity;

import java.time.Instant;
import java.util.Set;

import org.hostarea.core.access.Permission;

/**
 * A user linked to the caller's account.
 *
 * @param id the id of the link (membership): what the holder grants to or removes
 */
public record LinkedUser(String id, String userId, String email, String name, Set<Permission> permissions, Instant since) {
}
