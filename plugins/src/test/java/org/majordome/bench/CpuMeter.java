package org.majordome.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * Where the CPU went during one phase of a harness, without a profiler: this JVM's process CPU time (the bot's, with
 * the harness's two measuring clients), its platform threads' CPU time grouped by name (digits folded, so all
 * visitors' "Smack Reader (N)" are one line; a virtual thread's time is its carrier's,
 * {@code ForkJoinPool-1-worker-#}), and the CPU time of other processes (the server, the crowd).
 */
final class CpuMeter {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** What was read at one instant. */
    record Snapshot(long wallNanos, long processCpuNanos, Map<Long, Long> threadCpu, Map<Long, String> names,
                    Map<String, Long> others, String loadAverage) {
    }

    /** The difference between two snapshots. */
    record Phase(double seconds, double botCores, Map<String, Double> otherCores, Map<String, Long> threadGroupsMs,
                 long unattributedMs, String loadAtEnd) {

        /** One line: cores used on average by the bot's JVM and the other processes. */
        String summary() {
            StringBuilder line = new StringBuilder(String.format("%.1f s, bot JVM %.2f cores", seconds, botCores));
            otherCores.forEach((name, cores) -> line.append(String.format(", %s %.2f cores", name, cores)));
            return line.append(", load average at end ").append(loadAtEnd).toString();
        }

        /** The thread groups that used the most CPU, most first. */
        String topThreads(int count) {
            return threadGroupsMs.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(count).map(entry -> String.format("%s %d ms", entry.getKey(), entry.getValue()))
                    .collect(Collectors.joining("; ")) + String.format("; not in a live thread (GC, JIT, ended "
                    + "threads) %d ms", unattributedMs);
        }
    }

    private final Map<String, LongSupplier> others = new LinkedHashMap<>();

    CpuMeter() {
        if (THREADS.isThreadCpuTimeSupported()) {
            THREADS.setThreadCpuTimeEnabled(true);
        }
    }

    /** Also reads another process's CPU time in ms (negative when it is gone). */
    void watch(String name, LongSupplier cpuMillis) {
        others.put(name, cpuMillis);
    }

    void forget(String name) {
        others.remove(name);
    }

    Snapshot snapshot() {
        long[] ids = THREADS.getAllThreadIds();
        Map<Long, Long> cpu = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(ids)) {
            if (info != null) {
                long time = THREADS.getThreadCpuTime(info.getThreadId());
                if (time >= 0) {
                    cpu.put(info.getThreadId(), time);
                    names.put(info.getThreadId(), info.getThreadName());
                }
            }
        }
        Map<String, Long> otherCpu = new LinkedHashMap<>();
        others.forEach((name, reader) -> otherCpu.put(name, reader.getAsLong()));
        return new Snapshot(System.nanoTime(), processCpuNanos(), cpu, names, otherCpu, loadAverage());
    }

    /**
     * @param preexisting threads alive before any crowd came (the bot's own and the harness's): their groups are
     *                    marked, so that the bot's own Smack reader is not mixed with the visitors'
     */
    static Phase between(Snapshot start, Snapshot end, Set<Long> preexisting) {
        double seconds = (end.wallNanos() - start.wallNanos()) / 1e9;
        Map<String, Long> groups = new TreeMap<>();
        long attributed = 0;
        for (Map.Entry<Long, Long> thread : end.threadCpu().entrySet()) {
            long used = thread.getValue() - start.threadCpu().getOrDefault(thread.getKey(), 0L);
            String group = end.names().get(thread.getKey()).replaceAll("\\d+", "#")
                    + (preexisting.contains(thread.getKey()) ? " [before]" : "");
            groups.merge(group, used / 1_000_000, Long::sum);
            attributed += used;
        }
        long processUsed = end.processCpuNanos() - start.processCpuNanos();
        Map<String, Double> otherCores = new LinkedHashMap<>();
        end.others().forEach((name, millis) -> {
            Long before = start.others().get(name);
            if (before != null && before >= 0 && millis >= 0) {
                otherCores.put(name, (millis - before) / 1000.0 / seconds);
            }
        });
        groups.values().removeIf(ms -> ms == 0);
        return new Phase(seconds, processUsed / 1e9 / seconds, otherCores, groups,
                Math.max(0, (processUsed - attributed) / 1_000_000), end.loadAverage());
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "?";
        }
    }
}
