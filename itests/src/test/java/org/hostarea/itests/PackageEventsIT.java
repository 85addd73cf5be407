package org.hostarea.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.inject.Inject;
import javax.transaction.UserTransaction;

import com.fasterxml.jackson.databind.JsonNode;

import org.hostarea.packages.PackageEvent;
import org.hostarea.packages.PackageEventType;
import org.hostarea.packages.PackageListener;
import org.hostarea.packages.PackageService;
import org.hostarea.packages.SuspendReason;
import org.junit.Test;
import org.osgi.framework.ServiceRegistration;

/**
 * Package listeners hear of a change only once it is committed: a change made inside a caller's transaction (a billing
 * job, a form's executor) is told after that transaction commits, and never if it rolls back — a listener must not act
 * on a change that did not happen (billing cancels renewal invoices on a package's end).
 */
public class PackageEventsIT extends HostareaTestSupport {

    @Inject
    PackageService packages;

    @Inject
    UserTransaction transactions;

    @Test
    public void aChangeIsHeardAfterItsTransactionCommitsAndNeverIfItRollsBack() throws Exception {
        String accountId = createCustomer("Eve Events", uniqueEmail(), "events-password-1").get("id").asText();
        String plan = "events-" + unique();
        assertEquals(201, http.post("/api/v1/admin/catalog/plans", Http.json(PackagesIT.plan(plan, "HOSTING", "5.00", Map.of(), List.of(),
                List.of())), adminToken()).status());
        String packageId = http.post("/api/v1/admin/packages", Http.json(PackagesIT.newPackage(accountId, plan, "ANNUAL", List.of())),
                adminToken()).json().get("id").asText();
        List<PackageEvent> heard = new CopyOnWriteArrayList<>();
        ServiceRegistration<PackageListener> listener = bundleContext.registerService(PackageListener.class, event -> {
            if (event.packageId().equals(packageId)) {
                heard.add(event);
            }
        }, null);
        try {
            transactions.begin();
            packages.suspend(packageId, SuspendReason.ABUSE, "rolled back", "itest");
            assertTrue("told before the commit: " + heard, heard.isEmpty());
            transactions.rollback();
            assertTrue("told of a change that rolled back: " + heard, heard.isEmpty());
            assertEquals("ACTIVE", status(packageId));

            transactions.begin();
            packages.suspend(packageId, SuspendReason.ABUSE, "committed", "itest");
            assertTrue("told before the commit: " + heard, heard.isEmpty());
            transactions.commit();
            assertEquals(heard.toString(), 1, heard.size()); // delivered by the time commit returns
            assertEquals(PackageEventType.SUSPENDED, heard.get(0).type());
            assertEquals("SUSPENDED", status(packageId));

            packages.unsuspend(packageId, SuspendReason.ABUSE, "itest"); // no transaction around it: told at once
            assertEquals(heard.toString(), 2, heard.size());
        } finally {
            listener.unregister();
        }
    }

    private String status(String packageId) {
        JsonNode pkg = http.get("/api/v1/admin/packages/" + packageId, adminToken()).json();
        return pkg.get("status").asText();
    }
}
