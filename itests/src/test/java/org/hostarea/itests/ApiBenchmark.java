package org.hostarea.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * BENCHMARK, not a test (run by {@code mvn -B verify -pl itests -Pbenchmark}, never by the test command): the API of
 * the distribution on embedded Derby, measured in one run on this machine with {@code wrk} (Debian package {@code wrk}):
 * an authenticated first page of {@code GET /api/v1/me/invoices} against the bare {@code GET /api/v1/bench/hello} of the
 * benchmark feature at 16 connections; logins per second against raw Argon2id hashes per second at the production
 * parameters (measured here with Bouncy Castle, one hash per core at a time); cold start of the distribution to the
 * first authenticated 200; the peak RSS of the Karaf JVM after the load. Writes its section of {@code docs/PERFORMANCE.md}.
 */
class ApiBenchmark {

    private static final List<String> ROUTES = List.of("/api/v1/me", "/api/v1/me/invoices", "/api/v1/admin/jobs");
    private static final String EMAIL = "bench@example.org";
    private static final String PASSWORD = "bench-password-2026";
    private static final Duration LOAD = Duration.ofSeconds(20);
    private static final Pattern SUMMARY = Pattern.compile("rps=([0-9.]+) p50=([0-9.]+) p95=([0-9.]+) p99=([0-9.]+) errors=([0-9]+)");

    /**
     * The data set: accounts, packages spread over them, invoices issued to every account, and one renewal run over all
     * packages (one more invoice per account).
     */
    private static final int ACCOUNTS = Integer.getInteger("hostarea.benchmark.accounts", 10_000);
    private static final int PACKAGES = Integer.getInteger("hostarea.benchmark.packages", 30_000);
    private static final int INVOICES_PER_ACCOUNT = Integer.getInteger("hostarea.benchmark.invoicesPerAccount", 9);
    private static final String SWAPPED = "hostarea-payment-banktransfer";

    private record Load(double rps, double p50, double p95, double p99, long errors) {
    }

    private record Swap(double outageSeconds, double commandSeconds, Load during) {
    }

    private record Results(long invoices, double loadSeconds, double renewalSeconds, double coldStart, Load hello, Load invoiceList,
            Swap swap, double hashes, Load logins, long rssKib) {
    }

    @Test
    void apiAgainstThePlatformsOwnLimits() throws Exception {
        assertTrue(Files.isExecutable(Path.of("/usr/bin/wrk")), "wrk is needed: apt-get install wrk");
        try (Distribution karaf = Distribution.unpack("api-benchmark", "18581", "18511", "11599", "44494")) {
            karaf.set("etc/org.hostarea.billing.cfg", "jobs.dailyTime", "");
            // the product's Argon2id parameters (the test distribution hashes cheaply)
            karaf.set("etc/org.hostarea.identity.cfg", "argon2.memoryKib", "19456");
            karaf.set("etc/org.hostarea.identity.cfg", "argon2.iterations", "2");
            if (Boolean.getBoolean("hostarea.benchmark.jfr")) {
                Files.writeString(karaf.home().resolve("bin/setenv"), "\nexport EXTRA_JAVA_OPTS=\"${EXTRA_JAVA_OPTS} "
                        + "-XX:FlightRecorderOptions:stackdepth=1024\"\n", java.nio.file.StandardOpenOption.APPEND);
            }
            karaf.start(ROUTES);
            String installed = karaf.client("feature:install hostarea-benchmark " + SWAPPED, Duration.ofMinutes(2));
            assertTrue(!installed.contains("Error"), installed);
            String configured = karaf.client("config:property-set -p org.hostarea.payment.banktransfer iban ES9121000418450200051332",
                    Duration.ofMinutes(1));
            assertTrue(!configured.contains("Error"), configured);
            long loading = System.nanoTime();
            String seeded = karaf.client("hostarea:bench-seed --accounts " + ACCOUNTS + " --packages " + PACKAGES + " --start 2021-01-01"
                    + " --invoices-per-account " + INVOICES_PER_ACCOUNT,
                    Duration.ofMinutes(60));
            assertTrue(seeded.contains("Seeded " + ACCOUNTS + " accounts"), seeded);
            String staffPassword = UUID.randomUUID().toString();
            karaf.client("hostarea:staff-add --role ADMIN --password " + staffPassword + " bench-admin", Duration.ofMinutes(1));
            String customer = karaf.client("hostarea:customer-add --password " + PASSWORD + " 'Bench Customer' " + EMAIL, Duration.ofMinutes(1));
            Matcher id = Pattern.compile("\\(id ([0-9a-f-]{36})\\)").matcher(customer);
            assertTrue(id.find(), customer);
            String staff = karaf.staffToken("bench-admin", staffPassword);
            // the renewal run: every package is due, so every account gets one invoice
            Path renewalProfile = profiling(karaf, "renewals");
            long began = System.nanoTime();
            Http.Reply renewals = karaf.http.post("/api/v1/admin/jobs/renewals/run", Http.json(Map.of("asOf", "2021-01-22")), staff,
                    Duration.ofMinutes(30));
            assertEquals(200, renewals.status(), renewals.toString());
            double renewalSeconds = (System.nanoTime() - began) / 1e9;
            stopProfiling(karaf, renewalProfile);
            for (int i = 0; i < 30; i++) {
                karaf.issueInvoice(staff, id.group(1), new BigDecimal("9.90"));
            }
            long invoices = karaf.http.get("/api/v1/admin/invoices?size=1", staff).json().get("total").asLong();
            double loadSeconds = (System.nanoTime() - loading) / 1e9;
            karaf.stop();

            // cold start: the JVM starts from nothing; the first authenticated 200 of a customer ends it
            long started = System.nanoTime();
            karaf.startProcess();
            String token = null;
            while (token == null) {
                Http.Reply login = tryLogin(karaf);
                if (login != null && login.status() == 200) {
                    String candidate = login.json().get("token").asText();
                    Http.Reply me = karaf.http.get("/api/v1/me/invoices?size=20", candidate);
                    token = me.status() == 200 ? candidate : null;
                }
                if (System.nanoTime() - started > TimeUnit.MINUTES.toNanos(3)) {
                    throw new AssertionError("no authenticated 200 within 3 minutes");
                }
            }
            double coldStart = (System.nanoTime() - started) / 1e9;
            karaf.start(ROUTES); // the rest of the boot settles
            String hello = "/api/v1/bench/hello";
            await(karaf, hello);

            Path scripts = Files.createTempDirectory("wrk");
            Load helloLoad = wrk(karaf, hello, null, scripts, 16, LOAD);
            Path profile = profiling(karaf, "invoices");
            Load invoiceLoad = wrk(karaf, "/api/v1/me/invoices?size=20", token, scripts, 16, LOAD);
            stopProfiling(karaf, profile);
            Swap swap = swapUnderLoad(karaf, token, scripts);
            double hashes = rawArgon2Rate(karaf);
            Load logins = wrkLogin(karaf, scripts, 4);
            long rssKib = peakRssKib(karaf.pid());
            String section = report(new Results(invoices, loadSeconds, renewalSeconds, coldStart, helloLoad, invoiceLoad, swap, hashes,
                    logins, rssKib));
            System.out.println(section);
            write(section);
        }
    }

    /**
     * The bank transfer plugin replaced (uninstalled and installed again in one shell command) while 16 connections read
     * the invoice list: how long customers could not choose it (seen by a client polling the offered gateways every
     * 20 ms), how long the command took, and the failed invoice reads meanwhile.
     */
    private static Swap swapUnderLoad(Distribution karaf, String token, Path scripts) throws Exception {
        String gateways = "/api/v1/me/payment-gateways";
        assertTrue(karaf.http.get(gateways, token).body().contains("\"banktransfer\""), "bank transfer offered before the swap");
        Path script = scripts.resolve("swap.lua");
        Files.writeString(script, "wrk.headers[\"Authorization\"] = \"Bearer " + token + "\"\n" + SUMMARY_LUA);
        Process wrk = new ProcessBuilder(List.of("wrk", "-t2", "-c16", "-d20s", "-s", script.toString(),
                karaf.http.root() + "/api/v1/me/invoices?size=20")).redirectErrorStream(true).start();
        ExecutorService poller = Executors.newSingleThreadExecutor();
        try {
            AtomicBoolean polling = new AtomicBoolean(true);
            Future<long[]> outage = poller.submit(() -> {
                long gone = -1;
                long back = -1;
                while (polling.get() && back < 0) {
                    boolean offered;
                    try {
                        Http.Reply reply = karaf.http.get(gateways, token);
                        offered = reply.status() == 200 && reply.body().contains("\"banktransfer\"");
                    } catch (RuntimeException e) {
                        offered = false;
                    }
                    long now = System.nanoTime();
                    if (!offered && gone < 0) {
                        gone = now;
                    } else if (offered && gone >= 0) {
                        back = now;
                    }
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
                }
                return new long[] {gone, back};
            });
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(5)); // the load settles first
            long commanded = System.nanoTime();
            String out = karaf.client("feature:uninstall " + SWAPPED + "; feature:install " + SWAPPED, Duration.ofMinutes(2));
            double commandSeconds = (System.nanoTime() - commanded) / 1e9;
            assertTrue(!out.contains("Error"), out);
            long[] window;
            try {
                window = outage.get(60, TimeUnit.SECONDS);
            } finally {
                polling.set(false);
            }
            assertTrue(window[0] > 0 && window[1] > 0, "the swap was seen: gone and back");
            String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(wrk.waitFor(2, TimeUnit.MINUTES), "wrk ended");
            return new Swap((window[1] - window[0]) / 1e9, commandSeconds, parse(output));
        } finally {
            poller.shutdownNow();
            wrk.destroy();
        }
    }

    /** With {@code -Dhostarea.benchmark.jfr=true}: a Java Flight Recorder profile of the Karaf JVM, for finding the hot code. */
    private static Path profiling(Distribution karaf, String name) throws Exception {
        if (!Boolean.getBoolean("hostarea.benchmark.jfr")) {
            return null;
        }
        Path file = Path.of("target", "api-benchmark", name + ".jfr").toAbsolutePath();
        run(List.of("jcmd", Long.toString(karaf.pid()), "JFR.start", "name=" + name, "settings=profile"));
        return file;
    }

    private static void stopProfiling(Distribution karaf, Path file) throws Exception {
        if (file != null) {
            String name = file.getFileName().toString().replace(".jfr", "");
            System.out.println(run(List.of("jcmd", Long.toString(karaf.pid()), "JFR.stop", "name=" + name, "filename=" + file)));
        }
    }

    // --- measurements ------------------------------------------------------------------------------------

    /** wrk with 2 threads and the given connections for the load duration; the Lua summary gives rps and percentiles (ms). */
    private static Load wrk(Distribution karaf, String path, String token, Path scripts, int connections, Duration load) throws Exception {
        Path script = scripts.resolve("summary.lua");
        Files.writeString(script, (token == null ? "" : "wrk.headers[\"Authorization\"] = \"Bearer " + token + "\"\n") + SUMMARY_LUA);
        run(List.of("wrk", "-t2", "-c" + connections, "-d5s", "-s", script.toString(), karaf.http.root() + path)); // warm-up
        return parse(run(List.of("wrk", "-t2", "-c" + connections, "-d" + load.toSeconds() + "s", "-s", script.toString(),
                karaf.http.root() + path)));
    }

    private static Load wrkLogin(Distribution karaf, Path scripts, int connections) throws Exception {
        Path script = scripts.resolve("login.lua");
        Files.writeString(script, "wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\nwrk.body = '"
                + Http.json(Map.of("login", EMAIL, "password", PASSWORD)) + "'\n" + SUMMARY_LUA);
        return parse(run(List.of("wrk", "-t2", "-c" + connections, "-d" + LOAD.toSeconds() + "s", "-s", script.toString(),
                karaf.http.root() + "/api/v1/auth/login")));
    }

    private static final String SUMMARY_LUA = """
            done = function(summary, latency, requests)
              local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
                + summary.errors.timeout
              io.write(string.format("rps=%.1f p50=%.3f p95=%.3f p99=%.3f errors=%d\\n", summary.requests / (summary.duration / 1e6),
                latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, errors))
            end
            """;

    private static Load parse(String output) {
        Matcher m = SUMMARY.matcher(output);
        assertTrue(m.find(), output);
        return new Load(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
                Double.parseDouble(m.group(4)), Long.parseLong(m.group(5)));
    }

    /** Raw Argon2id hashes/s in the Karaf JVM (same Bouncy Castle bundle, JIT and heap as the logins), one thread per core. */
    private static double rawArgon2Rate(Distribution karaf) throws Exception {
        String out = karaf.client("hostarea:bench-argon2 --seconds 15", Duration.ofMinutes(2));
        Matcher rate = Pattern.compile("hashes/s=([0-9.]+) threads=([0-9]+)").matcher(out);
        assertTrue(rate.find(), out);
        return Double.parseDouble(rate.group(1));
    }

    private static long peakRssKib(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("VmHWM:")).findFirst()
                .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).orElse(-1L);
    }

    // --- report ------------------------------------------------------------------------------------------

    private static String report(Results r) {
        StringBuilder out = new StringBuilder();
        out.append("## API (").append(LocalDate.now()).append(")\n\n");
        out.append(String.format("`ApiBenchmark`: the distribution on embedded Derby with %,d seeded accounts, %,d packages and %,d invoices "
                + "(%d issued to every account, then one renewal run invoicing every package; loading took %.0f s); the measured customer has 30 invoices. "
                + "Load by `wrk` (2 threads) for %d s after a 5 s warm-up; latencies in ms. The raw Argon2id rate is measured inside the "
                + "Karaf JVM (`hostarea:bench-argon2`, one thread per core, the product's parameters m=19456 KiB, t=2, p=1).%n%n",
                ACCOUNTS, PACKAGES, r.invoices(), INVOICES_PER_ACCOUNT, r.loadSeconds(), LOAD.toSeconds()));
        out.append("| measure | value | target (issue 11) |\n|---|---:|---|\n");
        Load hello = r.hello();
        Load list = r.invoiceList();
        out.append(String.format("| `GET /api/v1/bench/hello`, 16 connections: requests/s | %.0f | |%n", hello.rps()));
        out.append(String.format("| hello p50 / p95 / p99 | %.1f / %.1f / %.1f | |%n", hello.p50(), hello.p95(), hello.p99()));
        out.append(String.format("| `GET /api/v1/me/invoices?size=20` (authenticated), 16 connections: requests/s | %.0f | |%n", list.rps()));
        out.append(String.format("| invoices p50 / p95 / p99 | %.1f / %.1f / %.1f | p99 ≤ 25 ms |%n", list.p50(), list.p95(), list.p99()));
        out.append(String.format("| invoices ÷ hello throughput | %.2f | ≥ 0.5 |%n", list.rps() / hello.rps()));
        out.append(String.format("| raw Argon2id hashes/s (in Karaf) | %.1f | |%n", r.hashes()));
        out.append(String.format("| logins/s (4 connections) | %.1f | |%n", r.logins().rps()));
        out.append(String.format("| logins ÷ raw hashes | %.2f | ≥ 0.9 |%n", r.logins().rps() / r.hashes()));
        out.append(String.format("| renewal run of all %,d packages in this data set (s); packages/s | %.1f; %.0f | 10 000 in ≤ 20 s |%n",
                PACKAGES, r.renewalSeconds(), PACKAGES / r.renewalSeconds()));
        out.append(String.format("| cold start to the first authenticated 200 (s) | %.1f | ≤ 6 |%n", r.coldStart()));
        Swap swap = r.swap();
        out.append(String.format("| bank transfer plugin replaced under load: not offered for (s) | %.2f | ≤ 2 |%n", swap.outageSeconds()));
        out.append(String.format("| the same swap as one `bin/client` command, incl. the harness's two client JVM start-ups (s) | %.1f | |%n",
                swap.commandSeconds()));
        out.append(String.format("| invoice reads during the swap (16 connections, 20 s): requests/s, failed | %.0f, %d | 0 failed |%n",
                swap.during().rps(), swap.during().errors()));
        out.append(String.format("| peak RSS of the Karaf JVM after the load (MB) | %.0f | ≤ 400 |%n", r.rssKib() / 1024.0));
        out.append(String.format("| failed requests (hello, invoices, logins) | %d, %d, %d | 0 |%n", hello.errors(), list.errors(),
                r.logins().errors()));
        return out.toString();
    }

    /** Replaces this benchmark's section of the report (between its markers), or appends it. */
    private static void write(String section) throws IOException {
        String file = System.getProperty("hostarea.benchmark.report");
        if (file == null || file.isBlank()) {
            return;
        }
        Path target = Path.of(file);
        String begin = "<!-- api-benchmark -->\n";
        String end = "<!-- /api-benchmark -->\n";
        String existing = Files.exists(target) ? Files.readString(target) : "# Performance\n\n";
        int from = existing.indexOf(begin);
        int to = existing.indexOf(end);
        String updated = from >= 0 && to > from ? existing.substring(0, from) + begin + section + end + existing.substring(to + end.length())
                : existing + (existing.endsWith("\n\n") ? "" : "\n") + begin + section + end;
        Files.writeString(target, updated);
    }

    // --- helpers -----------------------------------------------------------------------------------------

    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), String.join(" ", command));
        return output;
    }

    private static Http.Reply tryLogin(Distribution karaf) {
        try {
            return karaf.http.post("/api/v1/auth/login", Http.json(Map.of("login", EMAIL, "password", PASSWORD)), null);
        } catch (RuntimeException notUpYet) {
            return null;
        }
    }

    private static void await(Distribution karaf, String path) {
        org.awaitility.Awaitility.await(path).atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> karaf.http.get(path, null).status() == 200);
    }
}
