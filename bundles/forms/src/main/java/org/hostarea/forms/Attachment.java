package org.hostarea.forms;

/** An attachment with its content. */
public record Attachment(AttachmentInfo info, byte[] content) {
}
