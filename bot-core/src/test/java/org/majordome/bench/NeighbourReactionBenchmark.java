package org.majordome.bench;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.majordome.api.NoConfig;
import org.majordome.api.OnEvent;
import org.majordome.api.Plugin;
import org.majordome.api.PluginContext;
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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 13 item 8: how long a well-behaved plugin takes to see a room message (offer to its handler) while
 * another plugin in the same room spins on every message ({@code spinMillis} of busy CPU per call, below
 * the time limit, as a script looping until its own time limit stops it), against the same room with that
 * plugin returning at once ({@code spinMillis=0}), for plain talk and for a command. Production threads
 * (virtual). The sample mode gives the median and tail; the target is the same median with and without the
 * spinning neighbour.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class NeighbourReactionBenchmark {

    private static final String ROOM = "bench@conference.example.org";

    @Param({"0", "100"})
    public long spinMillis;

    /** Plain talk (what moderation reacts to) or a command (what {@code !ping} is). */
    @Param({"hello", "!ping"})
    public String body;

    private PluginTestKit kit;
    private Responder responder;
    private Spinner spinner;
    private ExecutorService virtual;
    private RoomMessageReceivedEvent event;

    /** Burns CPU for a while on every message, like a script in a loop. */
    public static final class Spinner implements Plugin<NoConfig> {
        private final long spinNanos;
        /** Set at tear-down, so that the calls still queued end at once. */
        volatile boolean stopped;

        Spinner(long spinMillis) {
            this.spinNanos = TimeUnit.MILLISECONDS.toNanos(spinMillis);
        }

        @Override
        public String id() {
            return "spinner";
        }

        @Override
        public Class<NoConfig> configType() {
            return NoConfig.class;
        }

        @Override
        public void start(PluginContext<NoConfig> context) {
        }

        @OnEvent
        public void on(RoomMessageReceivedEvent message) {
            long end = System.nanoTime() + spinNanos;
            while (!stopped && System.nanoTime() < end) {
                Thread.onSpinWait();
            }
        }
    }

    /** The neighbour whose reaction is measured: counts messages. */
    public static final class Responder implements Plugin<NoConfig> {
        final AtomicLong seen = new AtomicLong();

        @Override
        public String id() {
            return "responder";
        }

        @Override
        public Class<NoConfig> configType() {
            return NoConfig.class;
        }

        @Override
        public void start(PluginContext<NoConfig> context) {
        }

        @OnEvent
        public void on(RoomMessageReceivedEvent message) {
            seen.incrementAndGet();
        }
    }

    @Setup(Level.Trial)
    public void start() {
        responder = new Responder();
        spinner = new Spinner(spinMillis);
        virtual = Executors.newVirtualThreadPerTaskExecutor();
        // The spinner first: on a dispatcher that calls a room's plugins one after the other, it goes before.
        kit = PluginTestKit.builder().plugin(spinner).plugin(responder).room(ROOM)
                .executors(virtual, virtual).start();
        event = new RoomMessageReceivedEvent(ROOM, new Occupant("alice", Optional.empty(), Optional.of("occ-1"),
                Role.PARTICIPANT, Affiliation.NONE), MessageStanza.ofBody(body), Instant.now());
    }

    @TearDown(Level.Trial)
    public void stop() {
        spinner.stopped = true;
        kit.close();
        virtual.shutdownNow();
    }

    /** One message offered, until the responder has seen it. */
    @Benchmark
    public long reaction() {
        long target = responder.seen.get() + 1;
        kit.deliver(event);
        while (responder.seen.get() < target) {
            Thread.onSpinWait();
        }
        return target;
    }
}
