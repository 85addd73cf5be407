package org.hostarea.contacts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.hostarea.core.access.Permission;

/**
 * The permission matrix of contact roles (seed 002), kept as data in {@code role-rights.properties} next
 * to this class: which role may create, delete and modify what. {@link #permissions} turns a role's rights
 * into the account permissions its holder acts with when logged in.
 */
public final class RoleRights {

    /** What the rights are about. */
    public enum Area {
        CONTACTS,
        SUBSCRIPTIONS,
        RESOURCES,
        PAYMENT_METHODS,
        INVOICES_CREDIT,
        DOMAIN_REGISTRATION_DATA,
        CONTROL_PANEL_USERS
    }

    /** The operations of the matrix ("altas, bajas, modificación"). */
    public enum Operation {
        CREATE,
        DELETE,
        MODIFY
    }

    private static final Map<Area, Set<Permission>> PERMISSIONS = Map.of(
            Area.CONTACTS, EnumSet.of(Permission.CONTACTS_VIEW, Permission.CONTACTS_MANAGE),
            Area.SUBSCRIPTIONS, EnumSet.of(Permission.PACKAGES_VIEW, Permission.ORDERS),
            Area.RESOURCES, EnumSet.of(Permission.PACKAGES_VIEW),
            Area.PAYMENT_METHODS, EnumSet.of(Permission.INVOICES_VIEW_PAY),
            Area.INVOICES_CREDIT, EnumSet.of(Permission.INVOICES_VIEW_PAY),
            Area.DOMAIN_REGISTRATION_DATA, EnumSet.of(Permission.DOMAINS_VIEW, Permission.DOMAINS_MANAGE),
            Area.CONTROL_PANEL_USERS, EnumSet.of(Permission.PACKAGES_VIEW, Permission.PACKAGE_PASSWORDS_MANAGE));

    private static final Map<ContactRole, Map<Area, Set<Operation>>> MATRIX = load();

    private RoleRights() {
    }

    public static boolean allowed(ContactRole role, Area area, Operation operation) {
        return MATRIX.get(role).get(area).contains(operation);
    }

    /**
     * The account permissions a role acts with: those of every area it has any right in; the OWNER role
     * has every permission (it stands for the holder).
     */
    public static Set<Permission> permissions(ContactRole role) {
        if (role == ContactRole.OWNER) {
            return EnumSet.allOf(Permission.class);
        }
        EnumSet<Permission> permissions = EnumSet.noneOf(Permission.class);
        MATRIX.get(role).forEach((area, operations) -> {
            if (!operations.isEmpty()) {
                permissions.addAll(PERMISSIONS.get(area));
            }
        });
        return permissions;
    }

    private static Map<ContactRole, Map<Area, Set<Operation>>> load() {
        Properties table = new Properties();
        try (InputStream in = RoleRights.class.getResourceAsStream("role-rights.properties")) {
            if (in == null) {
                throw new IllegalStateException("role-rights.properties is missing from the bundle");
            }
            table.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<ContactRole, Map<Area, Set<Operation>>> matrix = new EnumMap<>(ContactRole.class);
        for (ContactRole role : ContactRole.values()) {
            Map<Area, Set<Operation>> rights = new EnumMap<>(Area.class);
            for (Area area : Area.values()) {
                String cell = table.getProperty(role + "." + area);
                if (cell == null) {
                    throw new IllegalStateException("role-rights.properties has no cell " + role + "." + area);
                }
                Set<Operation> operations = EnumSet.noneOf(Operation.class);
                for (String operation : cell.split(",")) {
                    if (!operation.isBlank()) {
                        operations.add(Operation.valueOf(operation.strip()));
                    }
                }
                rights.put(area, operations);
            }
            matrix.put(role, rights);
        }
        return matrix;
    }
}
