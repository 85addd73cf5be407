package org.hostarea.forms;

/** A kind of request customers can submit, as the installed plugins offer it. */
public record FormTypeInfo(String id, String description, String permission, boolean reviewRequired, boolean fourEyes) {
}
