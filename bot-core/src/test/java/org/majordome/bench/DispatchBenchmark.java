package org.majordome.bench;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.majordome.api.event.Affiliation;
import org.majordome.api.event.MessageStanza;
import org.majordome.api.event.Occupant;
import org.majordome.api.event.Role;
import org.majordome.api.event.RoomMessageReceivedEvent;
import org.majordome.testkit.PluginTestKit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-event cost of the dispatcher: an event offered for a room, queued, and delivered to one trivial
 * plugin's {@code @OnEvent} handler (isolated call, time limit, ordering per room and plugin). {@code direct}
 * runs queue drains and handler calls on the caller's thread (the dispatcher's own work only); {@code virtual}
 * is production: a virtual thread per busy room queue and per busy plugin lane, which makes the plugin calls
 * (a late call is left behind and a new thread carries on). At most 500 events are in flight, below the
 * queues' capacity.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DispatchBenchmark {

    private static final int BATCH = 10_000;
    private static final int WINDOW = 500;
    private static final String ROOM = "bench@conference.example.org";

    @Param({"direct", "virtual"})
    public String threads;

    private PluginTestKit kit;
    private MessageCounter counter;
    private ExecutorService virtual;
    private RoomMessageReceivedEvent event;

    @Setup(Level.Trial)
    public void start() {
        counter = new MessageCounter();
        PluginTestKit.Builder builder = PluginTestKit.builder().plugin(counter).room(ROOM);
        if (threads.equals("virtual")) {
            virtual = Executors.newVirtualThreadPerTaskExecutor();
            builder.executors(virtual, virtual);
        } else {
            Executor direct = Runnable::run;
            builder.executors(direct, direct);
        }
        kit = builder.start();
        event = new RoomMessageReceivedEvent(ROOM, new Occupant("alice", Optional.empty(), Optional.of("occ-1"),
                Role.PARTICIPANT, Affiliation.NONE), MessageStanza.ofBody("hello there"), Instant.now());
    }

    @TearDown(Level.Trial)
    public void stop() {
        kit.close();
        if (virtual != null) {
            virtual.shutdownNow();
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long dispatch() {
        long start = counter.seen();
        long target = start + BATCH;
        for (int i = 0; i < BATCH; i++) {
            // At most WINDOW events in flight, below every queue's capacity: the dispatcher never sheds here
            // (a plugin's full lane would shed without refusing the offer).
            while (start + i - counter.seen() >= WINDOW || !kit.deliver(event)) {
                Thread.onSpinWait();
            }
        }
        while (counter.seen() < target) {
            Thread.onSpinWait();
        }
        return counter.seen();
    }
}
