package org.hostarea.identity;

import java.time.Instant;
import java.util.Set;

import org.hostarea.core.access.Permission;

/** An invitation the holder sent: to whom, with which permissions, valid until when. */
public record Invitation(String id, String email, Set<Permission> permissions, Instant expiresAt) {
}
