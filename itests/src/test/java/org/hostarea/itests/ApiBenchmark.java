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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
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

    private record Load(double rps, double p50, double p95, double p99, long errors) {
    }

    @Test
    void apiAgainstThePlatformsOwnLimits() throws Exception {
        assertTrue(Files.isExecutable(Path.of("/usr/bin/wrk")), "wrk is needed: apt-get install wrk");
        try (Distribution karaf = Distribution.unpack("api-benchmark", "18581", "18511", "11599", "44494")) {
            karaf.set("etc/org.hostarea.billing.cfg", "jobs.dailyTime", "");
            karaf.start(ROUTES);
            String installed = karaf.client("feature:install hostarea-benchmark", Duration.ofMinutes(2));
            assertTrue(!installed.contains("Error"), installed);
            String seeded = karaf.client("hostarea:bench-seed --accounts 3000 --packages 9000 --start 2021-01-01", Duration.ofMinutes(20));
            assertTrue(seeded.contains("Seeded 3000 accounts"), seeded);
            String staffPassword = UUID.randomUUID().toString();
            karaf.client("hostarea:staff-add --role ADMIN --password " + staffPassword + " bench-admin", Duration.ofMinutes(1));
            String customer = karaf.client("hostarea:customer-add --password " + PASSWORD + " 'Bench Customer' " + EMAIL, Duration.ofMinutes(1));
            Matcher id = Pattern.compile("\\(id ([0-9a-f-]{36})\\)").matcher(customer);
            assertTrue(id.find(), customer);
            String staff = karaf.staffToken("bench-admin", staffPassword);
            Http.Reply renewals = karaf.http.post("/api/v1/admin/jobs/renewals/run", Http.json(Map.of("asOf", "2021-01-22")), staff,
                    Duration.ofMinutes(20));
            assertEquals(200, renewals.status(), renewals.toString());
            for (int i = 0; i < 30; i++) {
                karaf.issueInvoice(staff, id.group(1), new BigDecimal("9.90"));
            }
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
            Load helloLoad = wrk(karaf, hello, null, scripts, 16);
            Load invoices = wrk(karaf, "/api/v1/me/invoices?size=20", token, scripts, 16);
            double hashes = rawArgon2Rate(Runtime.getRuntime().availableProcessors(), Duration.ofSeconds(15));
            Load logins = wrkLogin(karaf, scripts, 4);
            long rssKib = peakRssKib(karaf.pid());
            String section = report(coldStart, helloLoad, invoices, hashes, logins, rssKib);
            System.out.println(section);
            write(section);
        }
    }

    // --- measurements ------------------------------------------------------------------------------------

    /** wrk with 2 threads and the given connections for the load duration; the Lua summary gives rps and percentiles (ms). */
    private static Load wrk(Distribution karaf, String path, String token, Path scripts, int connections) throws Exception {
        Path script = scripts.resolve("summary.lua");
        Files.writeString(script, (token == null ? "" : "wrk.headers[\"Authorization\"] = \"Bearer " + token + "\"\n") + SUMMARY_LUA);
        run(List.of("wrk", "-t2", "-c" + connections, "-d5s", "-s", script.toString(), karaf.http.root() + path)); // warm-up
        return parse(run(List.of("wrk", "-t2", "-c" + connections, "-d" + LOAD.toSeconds() + "s", "-s", script.toString(),
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

    /** Argon2id at the production parameters (m=19456 KiB, t=2, p=1, 32-byte hash), one hash per thread at a time. */
    private static double rawArgon2Rate(int threads, Duration duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long end = System.nanoTime() + duration.toNanos();
            List<Future<Integer>> counts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                counts.add(pool.submit(() -> {
                    int n = 0;
                    byte[] salt = new byte[16];
                    byte[] out = new byte[32];
                    while (System.nanoTime() < end) {
                        Argon2BytesGenerator generator = new Argon2BytesGenerator();
                        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                                .withMemoryAsKB(19456).withIterations(2).withParallelism(1).withSalt(salt).build());
                        generator.generateBytes(PASSWORD.getBytes(StandardCharsets.UTF_8), out);
                        n++;
                    }
                    return n;
                }));
            }
            int total = 0;
            for (Future<Integer> count : counts) {
                total += count.get();
            }
            return total / (duration.toNanos() / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private static long peakRssKib(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("VmHWM:")).findFirst()
                .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).orElse(-1L);
    }

    // --- report ------------------------------------------------------------------------------------------

    private static String report(double coldStart, Load hello, Load invoices, double hashes, Load logins, long rssKib) {
        StringBuilder out = new StringBuilder();
        out.append("## API (").append(LocalDate.now()).append(")\n\n");
        out.append("`ApiBenchmark`: the distribution on embedded Derby with 3 000 seeded accounts, 9 000 packages and their renewal ")
                .append("invoices; the measured customer has 30 invoices. Load by `wrk` (2 threads) for ").append(LOAD.toSeconds())
                .append(" s after a 5 s warm-up; latencies in ms. The raw Argon2id rate is measured in the benchmark JVM with ")
                .append(Runtime.getRuntime().availableProcessors()).append(" threads.\n\n");
        out.append("| measure | value | target (issue 11) |\n|---|---:|---|\n");
        out.append(String.format("| `GET /api/v1/bench/hello`, 16 connections: requests/s | %.0f | |%n", hello.rps()));
        out.append(String.format("| hello p50 / p95 / p99 | %.1f / %.1f / %.1f | |%n", hello.p50(), hello.p95(), hello.p99()));
        out.append(String.format("| `GET /api/v1/me/invoices?size=20` (authenticated), 16 connections: requests/s | %.0f | |%n",
                invoices.rps()));
        out.append(String.format("| invoices p50 / p95 / p99 | %.1f / %.1f / %.1f | p99 ≤ 25 ms |%n", invoices.p50(), invoices.p95(),
                invoices.p99()));
        out.append(String.format("| invoices ÷ hello throughput | %.2f | ≥ 0.5 |%n", invoices.rps() / hello.rps()));
        out.append(String.format("| raw Argon2id hashes/s | %.1f | |%n", hashes));
        out.append(String.format("| logins/s (4 connections) | %.1f | |%n", logins.rps()));
        out.append(String.format("| logins ÷ raw hashes | %.2f | ≥ 0.9 |%n", logins.rps() / hashes));
        out.append(String.format("| cold start to the first authenticated 200 (s) | %.1f | ≤ 6 |%n", coldStart));
        out.append(String.format("| peak RSS of the Karaf JVM after the load (MB) | %.0f | ≤ 400 |%n", rssKib / 1024.0));
        out.append(String.format("| failed requests (hello, invoices, logins) | %d, %d, %d | 0 |%n", hello.errors(), invoices.errors(),
                logins.errors()));
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
