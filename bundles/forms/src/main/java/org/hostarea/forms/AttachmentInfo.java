package org.hostarea.forms;

import java.time.Instant;

/** An uploaded document of a request (its bytes are read separately). */
public record AttachmentInfo(String id, String fileName, String contentType, long size, Instant createdAt) {
}
