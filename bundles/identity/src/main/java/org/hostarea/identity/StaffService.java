package org.hostarea.identity;

import org.hostarea.core.access.StaffRole;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Staff users. They are created only by operators in the Karaf shell; there is no default staff
 * account and no default password anywhere.
 */
@ProviderType
public interface StaffService {

    /**
     * @throws org.hostarea.core.ValidationException if a field is malformed or the password breaks the rules
     * @throws org.hostarea.core.ConflictException ({@code username-taken}) if the username is in use
     */
    StaffUser add(String username, String displayName, StaffRole role, String password);
}
