package org.hostarea.contacts;

import java.time.Instant;

/** One audited change of one master-data field. */
public record ProfileChange(String field, String oldValue, String newValue, String changedBy, Instant changedAt) {
}
