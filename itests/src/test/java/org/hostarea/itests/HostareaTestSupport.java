package org.hostarea.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.inject.Inject;

import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.BundleContext;

/**
 * The base of every Pax Exam test: one Hostarea distribution (the built tar.gz) boots once for the whole
 * suite, on its own ports, with a cheap Argon2id profile; tests talk to it over real HTTP and through its
 * Karaf shell. Every test makes its own data (unique emails and names), so order does not matter.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public abstract class HostareaTestSupport {

    protected static final String PORT = System.getProperty("hostarea.http.port", "18181");
    protected static final String STAFF_PASSWORD = "staff-password-for-tests";
    protected static final Duration BOOT_TIMEOUT = Duration.ofSeconds(120);
    /** GreenMail's SMTP port inside the container, and the local webhook receiver's. */
    protected static final int SMTP_PORT = 13025;
    protected static final int WEBHOOK_PORT = 18299;
    protected static final String WEBHOOK_SECRET = "itest-webhook-secret-0123456789abcdef";
    protected static final int PAYPAL_PORT = 18297;
    protected static final String TEST_GATEWAY_SECRET = "itest-gateway-secret-0123456789abcdef";

    private static String adminUsername;
    private static String adminToken;

    @Inject
    protected BundleContext bundleContext;

    @Inject
    protected SessionFactory sessionFactory;

    /** Karaf registers this once every boot feature is installed; injecting it waits for that. */
    @Inject
    protected org.apache.karaf.features.BootFinished bootFinished;

    @Inject
    protected org.apache.karaf.features.FeaturesService features;

    protected final Http http = new Http("http://localhost:" + PORT);

    @Configuration
    public Option[] config() {
        return org.ops4j.pax.exam.OptionUtils.combine(org.ops4j.pax.exam.OptionUtils.combine(options(), SharedDatabase.OPTIONS),
                // -Dhostarea.keepRuntime=true keeps target/exam/<id> (logs, database) for a look after the run
                Boolean.getBoolean("hostarea.keepRuntime") ? org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder()
                        : new org.ops4j.pax.exam.options.DefaultCompositeOption());
    }

    /** With -Ppostgres, the one PostgreSQL database of the shared container (made once, however often config() is asked). */
    private static final class SharedDatabase {
        static final Option[] OPTIONS = TestDatabase.freshDatasource("suite").entrySet().stream()
                .map(e -> editConfigurationFilePut(TestDatabase.DATASOURCE_CFG, e.getKey(), e.getValue()))
                .toArray(Option[]::new);
    }

    private Option[] options() {
        return new Option[] {
            karafDistributionConfiguration()
                    .frameworkUrl(new File(System.getProperty("hostarea.karaf.dist")).toURI().toString())
                    .karafVersion(System.getProperty("hostarea.karaf.version"))
                    .name("Hostarea")
                    .unpackDirectory(new File("target/exam"))
                    .useDeployFolder(false),
            configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
            logLevel(LogLevel.WARN),
            // what feature installs change (refreshes, rewiring) is worth seeing in target/exam's log
            editConfigurationFilePut("etc/org.ops4j.pax.logging.cfg", "log4j2.logger.features.name", "org.apache.karaf.features"),
            editConfigurationFilePut("etc/org.ops4j.pax.logging.cfg", "log4j2.logger.features.level", "INFO"),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", PORT),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", "11199"),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", "44454"),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", "18111"),
            // a cheap Argon2id profile: the production parameters are covered by unit tests
            editConfigurationFilePut("etc/org.hostarea.identity.cfg", "argon2.memoryKib", "256"),
            editConfigurationFilePut("etc/org.hostarea.identity.cfg", "argon2.iterations", "1"),
            // every test logs in from 127.0.0.1: keep the per-source throttle out of the other tests' way
            editConfigurationFilePut("etc/org.hostarea.identity.cfg", "bruteforce.sourceFreeFailures", "100000"),
            editConfigurationFilePut("etc/org.hostarea.identity.cfg", "bruteforce.sourceLockoutFailures", "100000"),
            editConfigurationFilePut("etc/org.hostarea.identity.cfg", "reset.linkTemplate", "https://customer.test/reset?token={token}"),
            editConfigurationFilePut("etc/org.hostarea.identity.cfg", "emailChange.linkTemplate", "https://customer.test/confirm-email?token={token}"),
            editConfigurationFilePut("etc/org.hostarea.identity.cfg", "invitation.linkTemplate", "https://customer.test/accept-invitation?token={token}"),
            editConfigurationFilePut("etc/org.hostarea.contacts.cfg", "verify.linkTemplate", "https://customer.test/verify-email?token={token}"),
            // fast retries and polling, so delivery tests take seconds
            editConfigurationFilePut("etc/org.hostarea.notifications.cfg", "dispatcher.pollIntervalMillis", "200"),
            editConfigurationFilePut("etc/org.hostarea.notifications.cfg", "retry.maxAttempts", "3"),
            editConfigurationFilePut("etc/org.hostarea.notifications.cfg", "retry.initialDelaySeconds", "1"),
            editConfigurationFilePut("etc/org.hostarea.notifications.cfg", "retry.maxDelaySeconds", "2"),
            // the channel plugins (not booted) point at the test's own SMTP server and webhook receiver
            editConfigurationFilePut("etc/org.hostarea.notify.email.cfg", "host", "127.0.0.1"),
            editConfigurationFilePut("etc/org.hostarea.notify.email.cfg", "port", Integer.toString(SMTP_PORT)),
            editConfigurationFilePut("etc/org.hostarea.notify.email.cfg", "from", "Hosting <noreply@itest.example>"),
            editConfigurationFilePut("etc/org.hostarea.notify.email.cfg", "messageIdDomain", "itest.example"),
            editConfigurationFilePut("etc/org.hostarea.notify.email.cfg", "connectTimeoutMillis", "2000"),
            editConfigurationFilePut("etc/org.hostarea.notify.webhook.cfg", "urls", "http://127.0.0.1:" + WEBHOOK_PORT + "/hook"),
            editConfigurationFilePut("etc/org.hostarea.notify.webhook.cfg", "secret", WEBHOOK_SECRET),
            editConfigurationFilePut("etc/org.hostarea.notify.webhook.cfg", "timeoutMillis", "2000"),
            editConfigurationFilePut("etc/org.hostarea.payment.testgateway.cfg", "secret", TEST_GATEWAY_SECRET),
            editConfigurationFilePut("etc/org.hostarea.payment.paypal.cfg", "baseUrl", "http://127.0.0.1:" + PAYPAL_PORT),
            editConfigurationFilePut("etc/org.hostarea.payment.paypal.cfg", "clientId", "itest-client"),
            editConfigurationFilePut("etc/org.hostarea.payment.paypal.cfg", "clientSecret", "itest-secret"),
            editConfigurationFilePut("etc/org.hostarea.payment.paypal.cfg", "webhookId", "WH-ITEST"),
            editConfigurationFilePut("etc/org.hostarea.payment.paypal.cfg", "timeoutMillis", "1000"),
            editConfigurationFilePut("etc/org.hostarea.payment.banktransfer.cfg", "accountHolder", "Example Hosting S.L."),
            editConfigurationFilePut("etc/org.hostarea.payment.banktransfer.cfg", "iban", "ES9121000418450200051332"),
            editConfigurationFilePut("etc/org.hostarea.payment.banktransfer.cfg", "bic", "CAIXESBBXXX"),
            // tests reconcile through the staff route, not on the job's schedule
            editConfigurationFilePut("etc/org.hostarea.billing.cfg", "payments.reconcileSeconds", "3600"),
            // tests that move credit by hand; BillingIT turns automatic credit use on where it is tested
            editConfigurationFilePut("etc/org.hostarea.billing.cfg", "credit.autoApply", "false"),
            // the billing jobs run when a test asks (with a moved date), never on the daily schedule
            editConfigurationFilePut("etc/org.hostarea.billing.cfg", "jobs.dailyTime", ""),
            systemProperty("hostarea.http.port").value(PORT),
            // where a request without an answer for 20 s leaves a thread dump of the container (SlowRequests)
            systemProperty("hostarea.it.reports").value(java.nio.file.Path.of("target", "slow-requests").toAbsolutePath().toString()),
            // fixtures that provoke whiteboard failures (inert until a test configures them)
            mavenBundle("org.hostarea", "hostarea-itest-support", System.getProperty("hostarea.version")),
            mavenBundle("org.hamcrest", "hamcrest", System.getProperty("hamcrest.version")),
            mavenBundle("org.awaitility", "awaitility", System.getProperty("awaitility.version")),
            // GreenMail, a real SMTP server, runs inside the container next to the probe
            mavenBundle("com.sun.activation", "jakarta.activation", "1.2.2"),
            mavenBundle("com.sun.mail", "jakarta.mail", System.getProperty("javamail.version")),
            mavenBundle("com.icegreen", "greenmail", System.getProperty("greenmail.version")),
            // jqwik's generators for HostileInputIT: the engine is a fragment of the API, so the API's service lookup
            // of its facades sees the engine's implementations
            mavenBundle("org.opentest4j", "opentest4j", "1.3.0"),
            mavenBundle("org.apiguardian", "apiguardian-api", "1.1.2"),
            mavenBundle("org.junit.platform", "junit-platform-commons", "1.11.4"),
            mavenBundle("org.junit.platform", "junit-platform-engine", "1.11.4"),
            org.ops4j.pax.exam.CoreOptions.wrappedBundle(org.ops4j.pax.exam.CoreOptions.maven("net.jqwik", "jqwik-api",
                    System.getProperty("jqwik.version"))).bundleSymbolicName("net.jqwik.api").bundleVersion("1.9.2")
                    .instructions("Export-Package=net.jqwik.api.*;version=1.9.2", "Import-Package=*;resolution:=optional",
                            "DynamicImport-Package=*"),
            org.ops4j.pax.exam.CoreOptions.wrappedBundle(org.ops4j.pax.exam.CoreOptions.maven("net.jqwik", "jqwik-engine",
                    System.getProperty("jqwik.version"))).bundleSymbolicName("net.jqwik.engine").bundleVersion("1.9.2")
                    .instructions("Fragment-Host=net.jqwik.api", "Export-Package=!*", "Import-Package=*;resolution:=optional"),
        };
    }

    /** Boot features install after the probe starts: wait (bounded) until the API and the shell commands are there. */
    @Before
    public void awaitReady() {
        await("API up").atMost(BOOT_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> http.get("/api/v1/health", null).status() == 200);
        await("shell commands").atMost(BOOT_TIMEOUT)
                .until(() -> sessionFactory.getRegistry().getCommand("hostarea", "staff-add") != null);
    }

    /**
     * Installs a feature (a plugin) unless it is installed already, as an operator's feature:install would.
     * Right after boot the features service may still be re-registering with the repositories loaded: the
     * feature is looked up (bounded wait) on the service registered now, not on the one injected at start.
     */
    protected void installFeature(String feature) {
        await("feature " + feature + " known").atMost(BOOT_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> knownFeature(feature) != null);
        try {
            org.apache.karaf.features.FeaturesService service = currentFeatures();
            if (!service.isInstalled(service.getFeature(feature))) {
                service.installFeature(feature);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected boolean featureInstalled(String feature) {
        try {
            org.apache.karaf.features.FeaturesService service = currentFeatures();
            return service.isInstalled(service.getFeature(feature));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Uninstalls a feature, as an operator's feature:uninstall would. */
    protected void uninstallFeature(String feature) {
        try {
            currentFeatures().uninstallFeature(feature);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private org.apache.karaf.features.Feature knownFeature(String feature) throws Exception {
        org.apache.karaf.features.FeaturesService service = currentFeatures();
        return service == null ? null : service.getFeature(feature);
    }

    private org.apache.karaf.features.FeaturesService currentFeatures() {
        org.osgi.framework.ServiceReference<org.apache.karaf.features.FeaturesService> reference =
                bundleContext.getServiceReference(org.apache.karaf.features.FeaturesService.class);
        return reference == null ? null : bundleContext.getService(reference);
    }

    /** Runs a Karaf shell command as an operator would and returns what it printed. */
    protected String shell(String command) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Session session = sessionFactory.create(new ByteArrayInputStream(new byte[0]), out, out);
        try {
            Object result = session.execute(command);
            if (result != null) {
                out.println(result);
            }
        } catch (Exception e) {
            out.println("ERROR: " + e.getMessage());
        } finally {
            session.close();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * A token of an ADMIN staff user created once through the shell; logged in again when the cached
     * session has ended (tests that move the clock can outlive it).
     */
    protected String adminToken() {
        if (adminUsername == null) {
            String username = "admin-" + unique();
            String out = shell("hostarea:staff-add --password " + STAFF_PASSWORD + " " + username);
            org.junit.Assert.assertTrue(out, out.contains("Created staff user " + username));
            adminUsername = username;
        }
        if (adminToken == null || http.get("/api/v1/admin/routes", adminToken).status() != 200) {
            adminToken = staffLogin(adminUsername, STAFF_PASSWORD);
        }
        return adminToken;
    }

    protected String staffLogin(String username, String password) {
        Http.Reply reply = http.post("/api/v1/admin/auth/login", Http.json(Map.of("login", username, "password", password)), null);
        assertEquals(reply.toString(), 200, reply.status());
        return reply.json().get("token").asText();
    }

    /**
     * Opens a customer account; returns its JSON. Without a password through the staff route; with one
     * through the operator's shell command (staff never set customer passwords).
     */
    protected com.fasterxml.jackson.databind.JsonNode createCustomer(String name, String email, String password) {
        if (password == null) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("ownerName", name);
            body.put("email", email);
            Http.Reply reply = http.post("/api/v1/admin/customers", Http.json(body), adminToken());
            assertEquals(reply.toString(), 201, reply.status());
            return reply.json();
        }
        String out = shell("hostarea:customer-add --password '" + password + "' '" + name + "' " + email);
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("\\(id ([0-9a-f-]{36})\\)").matcher(out);
        org.junit.Assert.assertTrue(out, id.find());
        Http.Reply reply = http.get("/api/v1/admin/customers/" + id.group(1), adminToken());
        assertEquals(reply.toString(), 200, reply.status());
        return reply.json();
    }

    protected Http.Reply login(String login, String password) {
        return http.post("/api/v1/auth/login", Http.json(Map.of("login", login, "password", password)), null);
    }

    protected String loginToken(String login, String password) {
        Http.Reply reply = login(login, password);
        assertEquals(reply.toString(), 200, reply.status());
        return reply.json().get("token").asText();
    }

    /** Staff write an invoice of one line for the account and issue it; answers the issued invoice. */
    protected com.fasterxml.jackson.databind.JsonNode issueInvoice(String accountId, String amount, String currency) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("description", "Hosting");
        line.put("unitPrice", new java.math.BigDecimal(amount));
        Http.Reply created = http.post("/api/v1/admin/invoices", Http.json(Map.of("accountId", accountId, "currency", currency,
                "lines", java.util.List.of(line))), adminToken());
        assertEquals(created.toString(), 201, created.status());
        Http.Reply issued = http.post("/api/v1/admin/invoices/" + created.json().get("id").asText() + "/issue", "", adminToken());
        assertEquals(issued.toString(), 200, issued.status());
        return issued.json();
    }

    /** Runs the tasks at once, one thread each, and returns their results in order. */
    protected static <T> java.util.List<T> runAll(java.util.List<java.util.concurrent.Callable<T>> tasks) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(tasks.size());
        try {
            java.util.List<T> results = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<T> future : pool.invokeAll(tasks)) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdown();
            pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    protected static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    protected static String uniqueEmail() {
        return "c-" + unique() + "@example.org";
    }
}
