package org.hostarea.contacts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;

import org.hostarea.contacts.RoleRights.Area;
import org.hostarea.contacts.RoleRights.Operation;
import org.hostarea.core.access.Permission;
import org.junit.jupiter.api.Test;

class RoleRightsTest {

    /** The matrix, cell by cell: role, area, then create / delete / modify. */
    private static final Object[][] TABLE = {
        {ContactRole.OWNER, Area.CONTACTS, true, true, true},
        {ContactRole.OWNER, Area.CONTROL_PANEL_USERS, true, true, true},
        {ContactRole.ADMINISTRATIVE, Area.CONTACTS, true, true, true},
        {ContactRole.ADMINISTRATIVE, Area.SUBSCRIPTIONS, true, true, true},
        {ContactRole.ADMINISTRATIVE, Area.RESOURCES, false, false, true},
        {ContactRole.ADMINISTRATIVE, Area.PAYMENT_METHODS, true, true, true},
        {ContactRole.ADMINISTRATIVE, Area.INVOICES_CREDIT, true, true, true},
        {ContactRole.ADMINISTRATIVE, Area.DOMAIN_REGISTRATION_DATA, false, false, true},
        {ContactRole.ADMINISTRATIVE, Area.CONTROL_PANEL_USERS, false, false, false},
        {ContactRole.TECHNICAL, Area.CONTACTS, false, false, false},
        {ContactRole.TECHNICAL, Area.RESOURCES, true, true, true},
        {ContactRole.TECHNICAL, Area.PAYMENT_METHODS, false, false, false},
        {ContactRole.TECHNICAL, Area.CONTROL_PANEL_USERS, true, true, true},
        {ContactRole.BILLING, Area.CONTACTS, false, false, false},
        {ContactRole.BILLING, Area.RESOURCES, false, false, false},
        {ContactRole.BILLING, Area.PAYMENT_METHODS, true, true, true},
        {ContactRole.BILLING, Area.INVOICES_CREDIT, true, true, true},
        {ContactRole.BILLING, Area.DOMAIN_REGISTRATION_DATA, false, false, false},
    };

    @Test
    void theMatrixIsAsDocumented() {
        for (Object[] row : TABLE) {
            ContactRole role = (ContactRole) row[0];
            Area area = (Area) row[1];
            Operation[] operations = Operation.values();
            for (int i = 0; i < operations.length; i++) {
                assertEquals(row[2 + i], RoleRights.allowed(role, area, operations[i]), role + " " + area + " " + operations[i]);
            }
        }
    }

    @Test
    void ownersActWithEveryPermissionOthersWithTheirAreas() {
        assertEquals(EnumSet.allOf(Permission.class), RoleRights.permissions(ContactRole.OWNER));
        assertEquals(EnumSet.of(Permission.INVOICES_VIEW_PAY), RoleRights.permissions(ContactRole.BILLING));
        assertEquals(EnumSet.of(Permission.PACKAGES_VIEW, Permission.PACKAGE_PASSWORDS_MANAGE), RoleRights.permissions(ContactRole.TECHNICAL));
    }
}
