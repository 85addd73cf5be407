package org.hostarea.benchmark.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * {@code hostarea:bench-argon2 --seconds S --threads T}: raw Argon2id hashes per second in the Karaf JVM itself, with the
 * same Bouncy Castle bundle, JIT and heap as the logins it is compared with — the ceiling of the login rate. Defaults are
 * the product's parameters (m=19456 KiB, t=2, p=1, 32-byte hash) and one thread per core; a short warm-up comes first.
 * Prints {@code argon2id hashes/s=<rate> threads=<T>}. BENCHMARK ONLY.
 */
@Service
@Command(scope = "hostarea", name = "bench-argon2", description = "BENCHMARK ONLY: raw Argon2id hashes per second in this JVM")
public class Argon2Command implements Action {

    @Option(name = "--seconds", description = "How long to measure")
    int seconds = 15;

    @Option(name = "--threads", description = "Hashes at once (default: one per core)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(name = "--memory", description = "Memory in KiB")
    int memoryKib = 19456;

    @Option(name = "--iterations", description = "Passes")
    int iterations = 2;

    @Option(name = "--parallelism", description = "Lanes")
    int parallelism = 1;

    @Override
    public Object execute() throws InterruptedException, ExecutionException {
        if (seconds < 1 || threads < 1 || memoryKib < 8 || iterations < 1 || parallelism < 1) {
            System.err.println("--seconds, --threads, --iterations and --parallelism must be at least 1, --memory at least 8");
            return null;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            hash(pool, Duration.ofSeconds(Math.min(3, seconds))); // warm-up
            long began = System.nanoTime();
            long count = hash(pool, Duration.ofSeconds(seconds));
            double rate = count / ((System.nanoTime() - began) / 1e9);
            System.out.printf("argon2id hashes/s=%.1f threads=%d m=%d t=%d p=%d%n", rate, threads, memoryKib, iterations, parallelism);
            return null;
        } finally {
            pool.shutdownNow();
        }
    }

    private long hash(ExecutorService pool, Duration duration) throws InterruptedException, ExecutionException {
        long end = System.nanoTime() + duration.toNanos();
        List<Future<Long>> counts = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            counts.add(pool.submit(() -> {
                long n = 0;
                byte[] salt = new byte[16];
                byte[] password = "benchmark-password-2026".getBytes(StandardCharsets.UTF_8);
                byte[] out = new byte[32];
                while (System.nanoTime() < end) {
                    salt[(int) (n % salt.length)]++;
                    Argon2BytesGenerator generator = new Argon2BytesGenerator();
                    generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                            .withMemoryAsKB(memoryKib).withIterations(iterations).withParallelism(parallelism).withSalt(salt).build());
                    generator.generateBytes(password, out);
                    n++;
                }
                return n;
            }));
        }
        long total = 0;
        for (Future<Long> count : counts) {
            total += count.get();
        }
        return total;
    }
}
