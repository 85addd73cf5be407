package org.hostarea.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;

/**
 * The product's promise: payment plugins swapped in a running Karaf under load. Four clients run for 30 s
 * (invoice reads, payments through the test gateway, two paying by bank transfer) while the bank transfer
 * feature is uninstalled, PayPal installed, and bank transfer installed again. Requests that do not need it never fail; requests that need it
 * while it is gone get 503 with Retry-After and store nothing; every payment a client was told about exists
 * exactly once; each swap shows within 2 s; no other bundle is stopped, refreshed or replaced.
 */
public class HotSwapIT extends HostareaTestSupport {

    private static final String BANK = "hostarea-payment-banktransfer";
    private static final String PAYPAL = "hostarea-payment-paypal";
    private static final Duration LOAD = Duration.ofSeconds(30);

    private final Mailbox mailbox = new Mailbox(SMTP_PORT);
    private String accountId;

    @Test
    public void swappingAPaymentPluginUnderLoadLosesNothingAndBreaksNothingElse() throws Exception {
        installFeature("hostarea-notify-email");
        installFeature("hostarea-payment-testgateway");
        installFeature(BANK);
        mailbox.start();
        try {
            accountId = swapUnderLoad();
        } finally {
            try {
                // every payment mails the customer: let those mails go out here, not in the next test's time
                if (accountId != null) {
                    await("this test's mails sent").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                            .until(() -> !queuedFor(accountId));
                }
            } finally {
                mailbox.stop();
            }
        }
    }

    /** Whether a message of the account still waits in the outbox (other tests' webhook messages may wait for good). */
    private boolean queuedFor(String account) {
        for (int page = 0; page < 50; page++) {
            com.fasterxml.jackson.databind.JsonNode items = http.get("/api/v1/admin/messages?status=QUEUED&size=100&page=" + page,
                    adminToken()).json().get("items");
            if (items.size() == 0) {
                return false;
            }
            for (com.fasterxml.jackson.databind.JsonNode message : items) {
                if (account.equals(message.path("accountId").asText())) {
                    return true;
                }
            }
        }
        return true;
    }

    private String swapUnderLoad() throws Exception {
        if (featureInstalled(PAYPAL)) {
            uninstallFeature(PAYPAL);
        }
        String email = uniqueEmail();
        String accountId = createCustomer("Swap Load", email, "swap-password-123").get("id").asText();
        this.accountId = accountId;
        String token = loginToken(email, "swap-password-123");
        await("gateways offered").atMost(Duration.ofSeconds(30)).until(() -> gateways(token).contains("\"banktransfer\"")
                && gateways(token).contains("\"test\""));
        String bigInvoice = invoice(accountId, "100000.00");

        Map<Long, String> before = bundleStates();
        List<String> stopped = Collections.synchronizedList(new ArrayList<>());
        BundleListener listener = event -> {
            if ((event.getType() == BundleEvent.STOPPED || event.getType() == BundleEvent.UNRESOLVED)
                    && !event.getBundle().getSymbolicName().equals("org.hostarea.payment.banktransfer")
                    && !event.getBundle().getSymbolicName().equals("org.hostarea.payment.paypal")) {
                stopped.add(event.getBundle().getSymbolicName());
            }
        };
        bundleContext.addBundleListener(listener);

        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        Map<String, Boolean> paymentsToldAbout = new ConcurrentHashMap<>();
        AtomicInteger reads = new AtomicInteger();
        AtomicInteger bankRefused = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<?>> load = new ArrayList<>();
        load.add(clients.submit(() -> {
            while (running.get()) {
                Http.Reply reply = http.get("/api/v1/me/invoices", token);
                if (reply.status() != 200) {
                    failures.add("read " + reply);
                }
                reads.incrementAndGet();
            }
        }));
        load.add(clients.submit(() -> {
            while (running.get()) {
                Http.Reply reply = http.post("/api/v1/me/invoices/" + bigInvoice + "/payments", Http.json(Map.of("gateway", "test",
                        "amount", new BigDecimal("0.01"))), token);
                if (reply.status() != 201) {
                    failures.add("test gateway " + reply);
                } else {
                    paymentsToldAbout.put(reply.json().get("id").asText(), Boolean.TRUE);
                }
            }
        }));
        for (int i = 0; i < 2; i++) {
            load.add(clients.submit(() -> {
                while (running.get()) {
                    Http.Reply reply = http.post("/api/v1/me/invoices/" + bigInvoice + "/payments", Http.json(Map.of("gateway",
                            "banktransfer", "amount", new BigDecimal("0.02"))), token);
                    if (reply.status() == 201) {
                        paymentsToldAbout.put(reply.json().get("id").asText(), Boolean.TRUE);
                    } else if (reply.status() == 503 && "plugin-missing".equals(reply.problemType())
                            && reply.header("Retry-After") != null) {
                        bankRefused.incrementAndGet();
                    } else {
                        failures.add("bank transfer " + reply);
                    }
                }
            }));
        }

        long started = System.nanoTime();
        await("load running").atMost(Duration.ofSeconds(10)).until(() -> reads.get() > 20);
        uninstallFeature(BANK);
        long removed = System.nanoTime();
        await("bank transfer gone").atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> !gateways(token).contains("\"banktransfer\""));
        long goneAfter = System.nanoTime() - removed;
        await("refusals seen").atMost(Duration.ofSeconds(10)).until(() -> bankRefused.get() > 0);
        installFeature(PAYPAL);
        long paypalAdded = System.nanoTime();
        await("PayPal offered").atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> gateways(token).contains("\"paypal\""));
        long paypalAfter = System.nanoTime() - paypalAdded;
        installFeature(BANK);
        long added = System.nanoTime();
        await("bank transfer back").atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> gateways(token).contains("\"banktransfer\""));
        long backAfter = System.nanoTime() - added;
        await("the load ran its full time").atMost(LOAD.plusSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> System.nanoTime() - started >= LOAD.toNanos());
        running.set(false);
        for (Future<?> client : load) {
            client.get(30, TimeUnit.SECONDS);
        }
        clients.shutdown();
        bundleContext.removeBundleListener(listener);

        assertTrue("failures under load: " + failures, failures.isEmpty());
        assertTrue("swaps visible in " + goneAfter / 1_000_000 + ", " + paypalAfter / 1_000_000 + " and " + backAfter / 1_000_000 + " ms",
                goneAfter < 2_000_000_000L && paypalAfter < 2_000_000_000L && backAfter < 2_000_000_000L);
        assertTrue("no other bundle stopped: " + stopped, stopped.isEmpty());
        Map<Long, String> after = bundleStates();
        before.keySet().removeIf(id -> "org.hostarea.payment.banktransfer".equals(bundleContext.getBundle(id) == null ? null
                : bundleContext.getBundle(id).getSymbolicName()) || bundleContext.getBundle(id) == null);
        for (Map.Entry<Long, String> bundle : before.entrySet()) {
            assertEquals("bundle " + bundle.getKey() + " kept its id and state", bundle.getValue(), after.get(bundle.getKey()));
        }

        // every payment a client was told about exists once; the refused ones stored nothing
        int stored = http.get("/api/v1/admin/payments?accountId=" + accountId + "&size=1", adminToken()).json().get("total").asInt();
        assertEquals("payments stored vs answered 201 (" + bankRefused.get() + " refused with 503)", paymentsToldAbout.size(), stored);
        assertTrue("load ran: " + reads.get() + " reads, " + paymentsToldAbout.size() + " payments", reads.get() > 100
                && paymentsToldAbout.size() > 20);
        return accountId;
    }

    private String gateways(String token) {
        return http.get("/api/v1/me/payment-gateways", token).body();
    }

    private Map<Long, String> bundleStates() {
        Map<Long, String> states = new LinkedHashMap<>();
        for (Bundle bundle : bundleContext.getBundles()) {
            states.put(bundle.getBundleId(), bundle.getSymbolicName() + "@" + bundle.getState() + "#" + bundle.getLastModified());
        }
        return states;
    }

    private String invoice(String accountId, String amount) {
        return issueInvoice(accountId, amount, "EUR").get("id").asText();
    }
}
