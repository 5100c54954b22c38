package org.majordome.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A {@link CrowdMain} in a child JVM (this JVM's Java, the test class path), started and stopped by the harness: it
 * is never left running, not even when the harness fails half-way (a shutdown hook kills it). Counts the occupants it
 * says are in.
 */
final class Crowd implements AutoCloseable {

    private final Process process;
    private final Thread hook;
    private final AtomicInteger joined = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final long started = System.nanoTime();
    private volatile long allSettledAfter = -1;
    private volatile String firstFailure;

    private Crowd(Process process) {
        this.process = process;
        this.hook = new Thread(process::destroyForcibly);
        Runtime.getRuntime().addShutdownHook(hook);
        Thread.ofPlatform().daemon().name("crowd-output").start(this::readOutput);
    }

    /**
     * Starts a crowd with these {@link CrowdMain} arguments; its standard error goes to {@code log}. At {@code nice}
     * above 0 it runs under {@code nice}: the crowd stands for clients on other machines, whose own work should not
     * take the bot's cores at the bot's priority.
     */
    static Crowd start(List<String> arguments, Path log, int nice) throws IOException {
        List<String> command = new ArrayList<>();
        if (nice > 0) {
            command.addAll(List.of("nice", "-n", String.valueOf(nice)));
        }
        command.addAll(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), CrowdMain.class.getName()));
        command.addAll(arguments);
        Files.createDirectories(log.getParent());
        return new Crowd(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start());
    }

    int joined() {
        return joined.get();
    }

    int failed() {
        return failed.get();
    }

    String firstFailure() {
        return firstFailure;
    }

    /** Seconds from the start until every arrival was in or had failed; negative while not. */
    double settledAfterSeconds() {
        return allSettledAfter < 0 ? -1 : allSettledAfter / 1e9;
    }

    /** Waits until every arrival is settled, at most {@code atMost}; whether they are. */
    boolean awaitSettled(Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (allSettledAfter < 0 && System.nanoTime() < deadline && process.isAlive()) {
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
        return allSettledAfter >= 0;
    }

    /** CPU time of the crowd's JVM so far, in ms (from {@code /proc}). */
    long cpuMillis() {
        return ProcCpu.millis(process.pid());
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
    }

    private void readOutput() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.equals("JOINED")) {
                    joined.incrementAndGet();
                } else if (line.startsWith("FAILED")) {
                    failed.incrementAndGet();
                    if (firstFailure == null) {
                        firstFailure = line;
                    }
                } else if (line.equals("ALLDONE")) {
                    allSettledAfter = System.nanoTime() - started;
                }
            }
        } catch (IOException e) {
            // the crowd is gone
        }
    }

    /** CPU time of a process from {@code /proc/<pid>/stat} (user + system, clock ticks of 10 ms). */
    static final class ProcCpu {
        private ProcCpu() {
        }

        static long millis(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }
    }
}
