package org.hostarea.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The distribution as an operator runs it: unpacked from the tar.gz, started with {@code bin/start},
 * stopped with {@code bin/stop} and started again. Accounts and live tokens survive the restart (they
 * are in the Derby database under {@code db/}); logout after it is final. Runs outside Pax Exam, on
 * its own ports.
 */
class DistributionRestartIT {

    private static final String HTTP_PORT = "18281";
    private static final String SSH_PORT = "18211";
    private static final String OPERATOR = "itest-operator";
    private static final String OPERATOR_PASSWORD = UUID.randomUUID().toString();

    /** One customer route of each bundle that serves some. */
    private static final List<String> ROUTES = List.of("/api/v1/me", "/api/v1/me/messages", "/api/v1/me/contacts",
            "/api/v1/me/packages", "/api/v1/me/invoices", "/api/v1/me/payments", "/api/v1/me/payment-methods",
            "/api/v1/me/payment-gateways", "/api/v1/me/credit");

    private final Http http = new Http("http://localhost:" + HTTP_PORT);
    private Path karaf;

    @Test
    void accountsAndTokensSurviveARestart() throws Exception {
        karaf = unpack();
        start();
        String email = "restart-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String out = client("hostarea:customer-add --password restart-secret-password 'Rita Restart' " + email);
        assertTrue(out.contains("Created customer"), out);

        Http.Reply login = http.post("/api/v1/auth/login", Http.json(Map.of("login", email, "password", "restart-secret-password")), null);
        assertEquals(200, login.status(), login.toString());
        String token = login.json().get("token").asText();
        String number = login.json().get("scope").get("customerNumber").asText();

        stop();
        start();

        Http.Reply me = http.get("/api/v1/me", token);
        assertEquals(200, me.status(), me.toString());
        assertEquals(number, me.json().get("customerNumber").asText());
        assertEquals(200, http.post("/api/v1/auth/login", Http.json(Map.of("login", number, "password", "restart-secret-password")), null).status());
        assertEquals(204, http.post("/api/v1/auth/logout", null, token).status());
        assertEquals(401, http.get("/api/v1/me", token).status());
        assertTrue(Files.isDirectory(karaf.resolve("db/hostarea")), "the database lives in db/, outside data/");
    }

    @AfterEach
    void stopKaraf() throws Exception {
        if (karaf != null && running()) {
            run(karaf, List.of("bin/stop"), Duration.ofMinutes(1));
            try {
                await("distribution down").atMost(Duration.ofSeconds(30)).until(() -> !running());
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                ProcessHandle.of(Long.parseLong(Files.readString(karaf.resolve("karaf.pid")).strip())).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    private static Path unpack() throws Exception {
        Path target = Path.of("target", "restart-it", UUID.randomUUID().toString()).toAbsolutePath();
        Files.createDirectories(target);
        run(target, List.of("tar", "xzf", new File(System.getProperty("hostarea.karaf.dist")).getAbsolutePath(),
                "--strip-components=1"), Duration.ofMinutes(2));
        set(target.resolve("etc/org.ops4j.pax.web.cfg"), "org.osgi.service.http.port", HTTP_PORT);
        set(target.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort", SSH_PORT);
        set(target.resolve("etc/org.apache.karaf.management.cfg"), "rmiRegistryPort", "11299");
        set(target.resolve("etc/org.apache.karaf.management.cfg"), "rmiServerPort", "44464");
        Files.writeString(target.resolve("etc/org.hostarea.identity.cfg"), "argon2.memoryKib = 256\nargon2.iterations = 1\n");
        // this test's own copy gets an operator login for bin/client; the shipped distribution has none
        Files.writeString(target.resolve("etc/users.properties"), "\n" + OPERATOR + " = " + OPERATOR_PASSWORD
                + ",_g_:admingroup\n_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n", StandardOpenOption.APPEND);
        return target;
    }

    private void start() throws Exception {
        run(karaf, List.of("bin/start"), Duration.ofMinutes(1));
        await("distribution up").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).until(this::healthy);
        // every bundle's routes are there (401, not 404) in one pass: the application is complete and no longer rewired
        await("all routes registered").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250))
                .until(() -> ROUTES.stream().allMatch(route -> http.get(route, null).status() == 401));
    }

    private void stop() throws Exception {
        run(karaf, List.of("bin/stop"), Duration.ofMinutes(1));
        await("distribution down").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250)).until(() -> !running());
    }

    private String client(String command) throws Exception {
        await("shell reachable").atMost(Duration.ofMinutes(1)).ignoreExceptions()
                .until(() -> client0("hostarea:customer-add --help").contains("customer-add"));
        return client0(command);
    }

    private String client0(String command) throws Exception {
        Process process = process(karaf, List.of("bin/client", "-a", SSH_PORT, "-u", OPERATOR, "-p", OPERATOR_PASSWORD, "-b"));
        process.getOutputStream().write((command + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "bin/client did not finish");
        return out;
    }

    private boolean healthy() {
        try {
            return http.get("/api/v1/health", null).status() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private boolean running() throws IOException {
        Path pid = karaf.resolve("karaf.pid");
        if (!Files.exists(pid)) {
            return false;
        }
        return ProcessHandle.of(Long.parseLong(Files.readString(pid).strip())).map(ProcessHandle::isAlive).orElse(false);
    }

    private static void set(Path cfg, String key, String value) throws IOException {
        List<String> lines = Files.readAllLines(cfg);
        lines.removeIf(line -> line.strip().startsWith(key + " ") || line.strip().startsWith(key + "="));
        lines.add(key + " = " + value);
        Files.write(cfg, lines);
    }

    private static void run(Path dir, List<String> command, Duration timeout) throws Exception {
        Process process = process(dir, command);
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS), command + " did not finish: " + out);
        assertEquals(0, process.exitValue(), command + ": " + out);
    }

    private static Process process(Path dir, List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return builder.start();
    }
}
