package org.hostarea.contacts;

import java.util.Set;

/** A contact as the customer submits it, for creating or replacing one. */
public record ContactInput(String name, String email, String phone, ContactRole role, Set<EmailCategory> categories) {
}
