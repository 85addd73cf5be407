package org.hostarea.identity.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;

import org.hostarea.core.ForbiddenException;
import org.hostarea.core.UnauthenticatedException;
import org.hostarea.core.access.Permission;
import org.hostarea.core.access.StaffRole;
import org.hostarea.core.access.Subject;
import org.hostarea.core.access.SubjectType;
import org.hostarea.core.access.RouteAccess;
import org.junit.jupiter.api.Test;

class AuthorizationServiceImplTest {

    private final AuthorizationServiceImpl authorization = new AuthorizationServiceImpl();
    private final Subject holder = Subject.accountHolder("acc-1", "s-1");
    private final Subject messagesOnly = new Subject(SubjectType.CUSTOMER, "user-1", "acc-1", "s-2",
            Set.of(Permission.MESSAGES_VIEW), null);
    private final Subject support = Subject.staff("staff-1", StaffRole.SUPPORT, "s-3");
    private final Subject admin = Subject.staff("staff-2", StaffRole.ADMIN, "s-4");

    private static final RouteAccess PUBLIC = RouteAccess.of(RouteAccess.Kind.PUBLIC);
    private static final RouteAccess ANY = RouteAccess.of(RouteAccess.Kind.AUTHENTICATED);
    private static final RouteAccess CUSTOMER = RouteAccess.of(RouteAccess.Kind.CUSTOMER);
    private static final RouteAccess CONTACTS = new RouteAccess(RouteAccess.Kind.CUSTOMER, Set.of(Permission.CONTACTS_VIEW), Set.of());
    private static final RouteAccess STAFF = RouteAccess.of(RouteAccess.Kind.STAFF);
    private static final RouteAccess BILLING = new RouteAccess(RouteAccess.Kind.STAFF, Set.of(), Set.of(StaffRole.BILLING));

    @Test
    void publicRoutesNeedNobody() {
        assertDoesNotThrow(() -> authorization.authorize(null, PUBLIC));
    }

    @Test
    void everythingElseNeedsASubject() {
        for (RouteAccess access : new RouteAccess[] {ANY, CUSTOMER, CONTACTS, STAFF, BILLING}) {
            assertThrows(UnauthenticatedException.class, () -> authorization.authorize(null, access));
        }
    }

    @Test
    void theAccessTable() {
        Object[][] table = {
            // subject, route, allowed
            {holder, ANY, true}, {holder, CUSTOMER, true}, {holder, CONTACTS, true}, {holder, STAFF, false}, {holder, BILLING, false},
            {messagesOnly, CUSTOMER, true}, {messagesOnly, CONTACTS, false}, {messagesOnly, STAFF, false},
            {support, ANY, true}, {support, CUSTOMER, false}, {support, STAFF, true}, {support, BILLING, false},
            {admin, CUSTOMER, false}, {admin, STAFF, true}, {admin, BILLING, true},
        };
        for (Object[] row : table) {
            Subject subject = (Subject) row[0];
            RouteAccess access = (RouteAccess) row[1];
            String label = subject.id() + " on " + access;
            if ((Boolean) row[2]) {
                assertDoesNotThrow(() -> authorization.authorize(subject, access), label);
            } else {
                assertThrows(ForbiddenException.class, () -> authorization.authorize(subject, access), label);
            }
        }
    }

    @Test
    void requireAccountNamesTheAccountOrRefuses() {
        assertEquals("acc-1", authorization.requireAccount(holder, Permission.INVOICES_VIEW_PAY));
        assertEquals("acc-1", authorization.requireAccount(messagesOnly, Permission.MESSAGES_VIEW));
        assertThrows(ForbiddenException.class, () -> authorization.requireAccount(messagesOnly, Permission.PROFILE_EDIT));
        assertThrows(ForbiddenException.class, () -> authorization.requireAccount(admin));
        assertThrows(UnauthenticatedException.class, () -> authorization.requireAccount(null));
    }
}
