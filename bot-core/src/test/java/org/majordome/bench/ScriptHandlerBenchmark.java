package org.majordome.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.majordome.api.event.Affiliation;
import org.majordome.api.event.MessageStanza;
import org.majordome.api.event.Occupant;
import org.majordome.api.event.Role;
import org.majordome.api.event.RoomMessageReceivedEvent;
import org.majordome.script.ScriptHost;
import org.majordome.script.ScriptSettings;
import org.majordome.testkit.PluginTestKit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-event cost of a trivial JavaScript handler: an event delivered by the dispatcher (on the caller's
 * thread) to a script plugin whose {@code onEvent} handler only counts, including the hand-off to the
 * script's own thread and back. Run as is, GraalJS interprets (no Graal compiler on a stock JDK); the
 * figure with runtime compilation needs the compiler jars on the upgrade module path (not measured yet).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScriptHandlerBenchmark {

    private static final String ROOM = "bench@conference.example.org";

    private Path directory;
    private ScriptHost host;
    private PluginTestKit kit;
    private RoomMessageReceivedEvent event;

    @Setup(Level.Trial)
    public void start() throws IOException {
        directory = Files.createTempDirectory("script-bench");
        Files.writeString(directory.resolve("counter.js"), """
                let seen = 0;
                bot.onEvent('RoomMessageReceived', (event) => { seen++; });
                """);
        host = ScriptHost.open(ScriptSettings.defaults(directory), id -> null);
        Executor direct = Runnable::run;
        PluginTestKit.Builder builder = PluginTestKit.builder().room(ROOM).executors(direct, direct);
        host.plugins().forEach(builder::plugin);
        kit = builder.start();
        event = new RoomMessageReceivedEvent(ROOM, new Occupant("alice", Optional.empty(), Optional.of("occ-1"),
                Role.PARTICIPANT, Affiliation.NONE), MessageStanza.ofBody("hello there"), Instant.now());
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        kit.close();
        host.close();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Benchmark
    public boolean dispatchToScript() {
        return kit.deliver(event);
    }
}
