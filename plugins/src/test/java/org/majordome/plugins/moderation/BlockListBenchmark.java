package org.majordome.plugins.moderation;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A followed block list at a million entries: the memory one hash costs in {@link FingerprintSet} (printed at
 * setup: the table's own size per entry, and the heap the set took, measured around its construction after full
 * GCs, beside a {@code HashSet<String>} of the same hex ids for comparison), and what the join path costs per
 * occupant ({@code BlockLists.joined} without the room: lower-casing, the bare JID's and the domain's SHA-256,
 * and a probe for each), for an occupant not listed (the usual case) and one listed; {@code probeOnly} is the set
 * lookup alone. Run: {@code mvn -B -pl plugins -am -Pbench verify -Dbench=BlockListBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class BlockListBenchmark {

    @Param("1000000")
    int entries;

    private FingerprintSet set;
    private String[] listed;
    private String[] unlisted;
    private long[] fingerprints;
    private int next;

    @Setup(Level.Trial)
    public void fill() {
        List<String> ids = new ArrayList<>(entries);
        listed = new String[1024];
        for (int i = 0; i < entries; i++) {
            String jid = "spammer" + i + "@spam" + (i % 5000) + ".example";
            ids.add(FingerprintSet.itemIdOf(jid));
            if (i < listed.length) {
                listed[i] = jid;
            }
        }
        unlisted = new String[1024];
        fingerprints = new long[1024];
        for (int i = 0; i < unlisted.length; i++) {
            unlisted[i] = "Visitor" + i + "@Example.ORG";
            fingerprints[i] = FingerprintSet.fingerprintOf(unlisted[i]);
        }
        long before = usedHeap();
        set = FingerprintSet.of(ids);
        long after = usedHeap();
        Set<String> reference = new HashSet<>(ids);
        long withReference = usedHeap();
        System.out.printf(Locale.ROOT, "%nFingerprintSet of %,d hashes: table %.1f B/hash; heap %.1f B/hash "
                        + "(a HashSet<String> of the hex ids, its entries alone, the strings not counted: %.1f B/hash)%n", set.size(),
                tableBytes(set) / (double) set.size(), (after - before) / (double) set.size(),
                (withReference - after) / (double) reference.size());
        reference.clear();
    }

    @Benchmark
    public boolean joinOfAnUnlistedOccupant() {
        return listed(unlisted[next++ & 1023]);
    }

    @Benchmark
    public boolean joinOfAListedOccupant() {
        return listed(listed[next++ & 1023]);
    }

    @Benchmark
    public boolean probeOnly() {
        return set.contains(fingerprints[next++ & 1023]);
    }

    /** What {@code BlockLists} does per occupant and list. */
    private boolean listed(String realJid) {
        String jid = TextNormalizer.lower(realJid);
        int at = jid.indexOf('@');
        String domain = at < 0 ? jid : jid.substring(at + 1);
        return set.contains(FingerprintSet.fingerprintOf(jid)) || set.contains(FingerprintSet.fingerprintOf(domain));
    }

    private static long tableBytes(FingerprintSet set) {
        return set.capacity() * 8L + 16;
    }

    private static long usedHeap() {
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
