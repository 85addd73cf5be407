package org.hostarea.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The distribution as an operator runs it, for tests outside Pax Exam: unpacked from the tar.gz under
 * {@code target/}, on its own ports, started with {@code bin/start}, stopped with {@code bin/stop} (or killed),
 * with an operator login for {@code bin/client}.
 */
final class Distribution implements AutoCloseable {

    private final Path home;
    private final String sshPort;
    private final String operatorPassword = UUID.randomUUID().toString();
    /** With -Ppostgres the keys of this copy's own PostgreSQL database; empty on Derby. */
    private Map<String, String> datasource = Map.of();
    final Http http;

    private static final String OPERATOR = "itest-operator";

    private Distribution(Path home, String httpPort, String sshPort) {
        this.home = home;
        this.sshPort = sshPort;
        this.http = new Http("http://localhost:" + httpPort);
    }

    /** Unpacks a fresh copy; the ports are the HTTP, SSH, RMI registry and RMI server ports. */
    static Distribution unpack(String name, String httpPort, String sshPort, String rmiRegistryPort, String rmiServerPort) throws Exception {
        return unpack(name, httpPort, sshPort, rmiRegistryPort, rmiServerPort, TestDatabase.freshDatasource(name));
    }

    /** Unpacks a fresh copy on the database of {@code datasource} (keys of the datasource configuration; empty: Derby's own). */
    static Distribution unpack(String name, String httpPort, String sshPort, String rmiRegistryPort, String rmiServerPort,
            Map<String, String> datasource) throws Exception {
        Distribution distribution = unpackArchive(System.getProperty("hostarea.karaf.dist"), name, httpPort, sshPort, rmiRegistryPort,
                rmiServerPort);
        distribution.set("etc/org.hostarea.identity.cfg", "argon2.memoryKib", "256");
        distribution.set("etc/org.hostarea.identity.cfg", "argon2.iterations", "1");
        distribution.datasource = datasource;
        for (Map.Entry<String, String> key : distribution.datasource.entrySet()) {
            distribution.set(TestDatabase.DATASOURCE_CFG, key.getKey(), key.getValue());
        }
        return distribution;
    }

    /**
     * Unpacks a Karaf archive (ours, or a stock Apache Karaf) under {@code target/<name>/}, on its own ports, with an
     * operator login for {@code bin/client} (neither archive has one).
     */
    static Distribution unpackArchive(String archive, String name, String httpPort, String sshPort, String rmiRegistryPort,
            String rmiServerPort) throws Exception {
        Path target = Path.of("target", name, UUID.randomUUID().toString()).toAbsolutePath();
        Files.createDirectories(target);
        run(target, List.of("tar", "xzf", new File(archive).getAbsolutePath(), "--strip-components=1"), Duration.ofMinutes(2));
        Distribution distribution = new Distribution(target, httpPort, sshPort);
        distribution.set("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", httpPort);
        distribution.set("etc/org.apache.karaf.shell.cfg", "sshPort", sshPort);
        distribution.set("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", rmiRegistryPort);
        distribution.set("etc/org.apache.karaf.management.cfg", "rmiServerPort", rmiServerPort);
        Files.writeString(target.resolve("etc/users.properties"), "\n" + OPERATOR + " = " + distribution.operatorPassword
                + ",_g_:admingroup\n_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n", StandardOpenOption.APPEND);
        return distribution;
    }

    /** The keys of this copy's own PostgreSQL database in its datasource configuration (empty on Derby). */
    Map<String, String> datasource() {
        return datasource;
    }

    Path home() {
        return home;
    }

    /** Sets a key of a configuration file (created if missing). */
    void set(String file, String key, String value) throws IOException {
        Path cfg = home.resolve(file);
        List<String> lines = Files.exists(cfg) ? new ArrayList<>(Files.readAllLines(cfg)) : new ArrayList<>();
        lines.removeIf(line -> line.strip().startsWith(key + " ") || line.strip().startsWith(key + "="));
        lines.add(key + " = " + value);
        Files.write(cfg, lines);
    }

    /** Starts it and waits until every route in {@code routes} is registered (401 without a token, not 404). */
    void start(List<String> routes) throws Exception {
        run(home, List.of("bin/start"), Duration.ofMinutes(1));
        await("distribution up").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).until(this::healthy);
        await("all routes registered").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250))
                .until(() -> routes.stream().allMatch(route -> http.get(route, null).status() == 401));
    }

    /** Runs {@code bin/start} and returns at once (a cold start is timed by the caller). */
    void startProcess() throws Exception {
        run(home, List.of("bin/start"), Duration.ofMinutes(1));
    }

    void stop() throws Exception {
        run(home, List.of("bin/stop"), Duration.ofMinutes(1));
        await("distribution down").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250)).until(() -> !running());
    }

    /**
     * The stopped distribution's database, opened in this JVM: its PostgreSQL database, or its Derby database (the
     * embedded driver is registered anew: another test may have shut the engine down, which deregisters it); close
     * it with {@link #closeDatabase()}.
     */
    java.sql.Connection openDatabase() throws Exception {
        if (TestDatabase.postgres()) {
            return TestDatabase.open(datasource);
        }
        Class.forName("org.apache.derby.jdbc.EmbeddedDriver").getDeclaredConstructor().newInstance();
        return java.sql.DriverManager.getConnection("jdbc:derby:" + home.resolve("db/hostarea"));
    }

    /** Shuts down only this distribution's database (the engine stays up for the next test). */
    void closeDatabase() {
        if (TestDatabase.postgres()) {
            return;
        }
        try {
            java.sql.DriverManager.getConnection("jdbc:derby:" + home.resolve("db/hostarea") + ";shutdown=true");
        } catch (java.sql.SQLException expected) {
            // Derby answers a clean shutdown with an exception
        }
    }

    /** A staff token for a staff user made in this distribution's console. */
    String staffToken(String username, String password) {
        Http.Reply reply = http.post("/api/v1/admin/auth/login", Http.json(Map.of("login", username, "password", password)), null);
        assertEquals(200, reply.status(), reply.toString());
        return reply.json().get("token").asText();
    }

    /** Creates and issues an invoice of one line for an account, as staff; answers its id. */
    String issueInvoice(String staffToken, String accountId, BigDecimal unitPrice) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("description", "Hosting");
        line.put("unitPrice", unitPrice);
        Http.Reply created = http.post("/api/v1/admin/invoices", Http.json(Map.of("accountId", accountId, "currency", "EUR",
                "lines", List.of(line))), staffToken);
        assertEquals(201, created.status(), created.toString());
        Http.Reply issued = http.post("/api/v1/admin/invoices/" + created.json().get("id").asText() + "/issue", "", staffToken);
        assertEquals(200, issued.status(), issued.toString());
        return issued.json().get("id").asText();
    }

    /** kill -9 of the Karaf JVM. */
    void kill() throws Exception {
        ProcessHandle karaf = ProcessHandle.of(pid()).orElseThrow();
        assertTrue(karaf.destroyForcibly(), "SIGKILL not sent");
        await("distribution killed").atMost(Duration.ofSeconds(30)).until(() -> !karaf.isAlive());
    }

    /** Runs a console command through {@code bin/client}, once Hostarea's commands are there, and answers what it printed. */
    String client(String command, Duration timeout) throws Exception {
        await("shell reachable").atMost(Duration.ofMinutes(1)).ignoreExceptions()
                .until(() -> client0("hostarea:customer-add --help", Duration.ofSeconds(60)).contains("customer-add"));
        return client0(command, timeout);
    }

    /** Runs a console command through {@code bin/client} as soon as the shell answers (a Karaf without Hostarea yet). */
    String console(String command, Duration timeout) throws Exception {
        await("shell reachable").atMost(Duration.ofMinutes(1)).ignoreExceptions()
                .until(() -> client0("shell:echo console-ready", Duration.ofSeconds(60)).contains("console-ready"));
        return client0(command, timeout);
    }

    /**
     * Runs a console command through {@code bin/client} in interactive mode (its input piped): Felix SCR's gogo
     * {@code scr:list} prints nothing in batch mode.
     */
    String consoleInteractive(String command, Duration timeout) throws Exception {
        console("shell:echo", timeout);
        return client0(command, timeout, false);
    }

    private String client0(String command, Duration timeout) throws Exception {
        return client0(command, timeout, true);
    }

    private String client0(String command, Duration timeout, boolean batch) throws Exception {
        List<String> client = new java.util.ArrayList<>(List.of("bin/client", "-a", sshPort, "-u", OPERATOR, "-p", operatorPassword));
        if (batch) {
            client.add("-b");
        }
        Process process = process(home, client);
        process.getOutputStream().write((command + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS), "bin/client did not finish");
        return out;
    }

    boolean healthy() {
        try {
            return http.get("/api/v1/health", null).status() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    boolean running() throws IOException {
        Path pid = home.resolve("karaf.pid");
        return Files.exists(pid) && ProcessHandle.of(pid()).map(ProcessHandle::isAlive).orElse(false);
    }

    long pid() throws IOException {
        return Long.parseLong(Files.readString(home.resolve("karaf.pid")).strip());
    }

    /** Stops it if it runs (killing it if it does not stop). */
    @Override
    public void close() throws Exception {
        if (running()) {
            run(home, List.of("bin/stop"), Duration.ofMinutes(1));
            try {
                await("distribution down").atMost(Duration.ofSeconds(30)).until(() -> !running());
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                ProcessHandle.of(pid()).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
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
