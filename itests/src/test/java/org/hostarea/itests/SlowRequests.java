package org.hostarea.itests;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A watchdog for requests from inside the test container: one that has no answer after {@link #AFTER} gets a thread
 * dump of the container (the JVM that serves it) written to the directory named by {@code hostarea.it.reports}, and a
 * line on standard error naming the file. A rare stall then leaves the evidence of what the server was waiting for.
 * Outside the container (the tests that start their own distribution) it does nothing.
 */
final class SlowRequests {

    static final Duration AFTER = Duration.ofSeconds(20);
    private static final String DIRECTORY = System.getProperty("hostarea.it.reports");
    private static final ScheduledExecutorService WATCH = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "itest-slow-requests");
        thread.setDaemon(true);
        return thread;
    });

    private SlowRequests() {
    }

    /** Starts watching one request; cancel the answer when it is back. */
    static ScheduledFuture<?> watch(String request) {
        return WATCH.schedule(() -> report(request), DIRECTORY == null ? Long.MAX_VALUE / 2 : AFTER.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void report(String request) {
        StringBuilder dump = new StringBuilder(request).append(": no answer after ").append(AFTER.toSeconds()).append(" s\n\n");
        for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            dump.append('"').append(info.getThreadName()).append("\" ").append(info.getThreadState());
            if (info.getLockName() != null) {
                dump.append(" on ").append(info.getLockName());
            }
            if (info.getLockOwnerName() != null) {
                dump.append(" owned by \"").append(info.getLockOwnerName()).append('"');
            }
            dump.append('\n');
            for (StackTraceElement frame : info.getStackTrace()) {
                dump.append("    at ").append(frame).append('\n');
            }
            dump.append('\n');
        }
        try {
            Path directory = Files.createDirectories(Path.of(DIRECTORY));
            Path file = directory.resolve("slow-request-" + System.currentTimeMillis() + ".txt");
            Files.writeString(file, dump);
            System.err.println("SLOW REQUEST " + request + ": no answer after " + AFTER.toSeconds() + " s; thread dump in " + file);
        } catch (IOException e) {
            System.err.println("SLOW REQUEST " + request + ": the thread dump could not be written: " + e);
        }
    }
}
