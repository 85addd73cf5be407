package org.hostarea.identity.internal;

import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.hostarea.core.ConflictException;
import org.hostarea.core.FieldChecks;
import org.hostarea.core.jpa.Writes;
import org.hostarea.core.access.StaffRole;
import org.hostarea.identity.StaffService;
import org.hostarea.identity.StaffUser;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** Creates staff users (called from the Karaf shell only). */
@Component(service = StaffService.class)
public class StaffServiceImpl implements StaffService {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

    private final JpaTemplate jpa;
    private final Clock clock;
    private final Credentials credentials;

    @Activate
    public StaffServiceImpl(@Reference(target = "(osgi.unit.name=identity)") JpaTemplate jpa, @Reference(policyOption = ReferencePolicyOption.GREEDY) Clock clock,
            @Reference Credentials credentials) {
        this.jpa = jpa;
        this.clock = clock;
        this.credentials = credentials;
    }

    @Override
    public StaffUser add(String username, String displayName, StaffRole role, String password) {
        FieldChecks checks = new FieldChecks();
        String name = username == null ? null : username.strip().toLowerCase(Locale.ROOT);
        if (name == null || !USERNAME.matcher(name).matches()) {
            checks.reject("username", "must be 3 to 64 characters: letters, digits, '.', '_' or '-'");
        }
        String display = displayName == null || displayName.isBlank() ? name : checks.text("displayName", displayName, 200);
        checks.required("role", role);
        credentials.checkNewPassword(checks, "password", password, name);
        checks.throwIfAny();
        boolean taken = jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery("select count(s) from StaffUserEntity s where s.username = :u", Long.class)
                .setParameter("u", name).getSingleResult() > 0);
        if (taken) {
            throw usernameTaken();
        }
        String passwordHash = credentials.hash(password);
        return jpa.txExpr(TransactionType.Required, em -> {
            StaffUserEntity staff = new StaffUserEntity(UUID.randomUUID().toString(), name, display, role, passwordHash,
                    clock.instant());
            em.persist(staff);
            Writes.flushUnique(em, StaffServiceImpl::usernameTaken);
            return staff.toDto();
        });
    }

    private static ConflictException usernameTaken() {
        return new ConflictException("username-taken", "The username is already in use.");
    }
}
