package org.hostarea.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/**
 * BENCHMARK, not a test (run by {@code mvn -B verify -pl itests -Pbenchmark}, never by the test command): the
 * renewal run of the distribution on embedded Derby for each size of {@code hostarea.benchmark.sizes} (10 000 and
 * 100 000 packages, three per account), each in a fresh distribution. The time is the job's own start and end
 * as its history records them. Writes the table to {@code docs/PERFORMANCE.md}.
 */
class RenewalBenchmark {

    private static final List<String> ROUTES = List.of("/api/v1/me", "/api/v1/me/packages", "/api/v1/me/invoices", "/api/v1/admin/jobs");

    private record Result(int packages, int accounts, int invoices, double seedSeconds, double runSeconds) {
    }

    @Test
    void renewalRunTimes() throws Exception {
        List<Result> results = new ArrayList<>();
        for (String size : System.getProperty("hostarea.benchmark.sizes", "10000,100000").split(",")) {
            results.add(measure(Integer.parseInt(size.strip())));
        }
        String report = report(results);
        System.out.println(report);
        String file = System.getProperty("hostarea.benchmark.report");
        if (file != null && !file.isBlank()) {
            Path target = Path.of(file);
            Files.createDirectories(target.toAbsolutePath().getParent());
            // ApiBenchmark's section (between its markers) is kept
            String existing = Files.exists(target) ? Files.readString(target) : "";
            int api = existing.indexOf("<!-- api-benchmark -->");
            Files.writeString(target, api < 0 ? report : report + "\n" + existing.substring(api));
        }
    }

    private static Result measure(int packages) throws Exception {
        int accounts = Math.max(1, packages / 3);
        try (Distribution karaf = Distribution.unpack("benchmark", "18481", "18411", "11499", "44484")) {
            karaf.set("etc/org.hostarea.billing.cfg", "jobs.dailyTime", "");
            karaf.set("etc/org.hostarea.billing.cfg", "credit.autoApply", "false");
            karaf.start(ROUTES);
            karaf.client("feature:install hostarea-benchmark", Duration.ofMinutes(2));
            long seedStart = System.nanoTime();
            String seeded = karaf.client("hostarea:bench-seed --accounts " + accounts + " --packages " + packages + " --start 2021-01-01",
                    Duration.ofHours(1));
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
            assertTrue(seeded.contains("Seeded " + accounts + " accounts and " + packages + " packages"), seeded);
            String password = UUID.randomUUID().toString();
            karaf.client("hostarea:staff-add --role ADMIN --password " + password + " bench-admin", Duration.ofMinutes(1));
            String token = karaf.staffToken("bench-admin", password);
            Http.Reply run = karaf.http.post("/api/v1/admin/jobs/renewals/run", Http.json(Map.of("asOf", "2021-01-22")), token,
                    Duration.ofHours(1));
            assertEquals(200, run.status(), run.toString());
            JsonNode job = run.json();
            assertEquals("COMPLETED", job.get("status").asText(), job.toString());
            assertEquals(packages, job.get("counts").get("packages").asInt(), job.toString());
            double runSeconds = Duration.between(Instant.parse(job.get("startedAt").asText()), Instant.parse(job.get("endedAt").asText()))
                    .toMillis() / 1000.0;
            return new Result(packages, accounts, job.get("counts").get("invoices").asInt(), seedSeconds, runSeconds);
        }
    }

    private static String report(List<Result> results) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("# Performance\n\n");
        out.append("Measured by `mvn -B install -DskipTests && mvn -B verify -pl itests -Pbenchmark` on ").append(LocalDate.now())
                .append(", on ").append(machine()).append(". Each size runs in a fresh distribution on embedded Derby with the ")
                .append("default configuration (packages of one account due the same day share one invoice).\n\n");
        out.append("## Renewal run\n\n");
        out.append("The `renewals` job for a day on which every package is due: one invoice per account, numbered, with its ")
                .append("\"invoice issued\" mail queued in the outbox, in chunks of 200 packages per transaction. Seconds are the job's ")
                .append("own start and end from its history. Target (issue 8): 10 000 packages in at most 20 s.\n\n");
        out.append("| packages | accounts | invoices | run (s) | packages/s | loading the data set (s) |\n");
        out.append("|---:|---:|---:|---:|---:|---:|\n");
        for (Result r : results) {
            out.append(String.format("| %,d | %,d | %,d | %.1f | %,.0f | %.0f |%n", r.packages(), r.accounts(), r.invoices(), r.runSeconds(),
                    r.packages() / r.runSeconds(), r.seedSeconds()));
        }
        return out.toString();
    }

    private static String machine() throws IOException {
        String memory = "";
        Path meminfo = Path.of("/proc/meminfo");
        if (Files.exists(meminfo)) {
            memory = Files.readAllLines(meminfo).stream().filter(l -> l.startsWith("MemTotal")).findFirst()
                    .map(l -> ", " + Long.parseLong(l.replaceAll("\\D", "")) / (1024 * 1024) + " GiB").orElse("");
        }
        String cpu = "";
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.exists(cpuinfo)) {
            cpu = Files.readAllLines(cpuinfo).stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> Arrays.stream(l.split(":", 2)).skip(1).findFirst().orElse("").strip() + ", ").orElse("");
        }
        return cpu + Runtime.getRuntime().availableProcessors() + " cores" + memory + ", " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + ", Java " + System.getProperty("java.version") + " ("
                + ManagementFactory.getRuntimeMXBean().getVmName() + ")";
    }
}
