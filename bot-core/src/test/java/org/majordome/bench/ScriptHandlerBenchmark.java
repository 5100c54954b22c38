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

import org.graalvm.polyglot.Engine;
import org.majordome.api.event.Affiliation;
import org.majordome.api.event.MessageStanza;
import org.majordome.api.event.Occupant;
import org.majordome.api.event.Role;
import org.majordome.api.event.RoomMessageReceivedEvent;
import org.majordome.script.ScriptHost;
import org.majordome.script.ScriptPlugin;
import org.majordome.script.ScriptStatus;
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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Per-event cost of a trivial JavaScript handler: an event delivered by the dispatcher (on the caller's
 * thread) to a script plugin whose {@code onEvent} handler only counts, including the hand-off to the
 * script's own thread and back. Measured both ways, each in its own JVM:
 *
 * <ul>
 * <li>{@link #interpreted}: a stock JDK as is, GraalJS on Truffle's fallback runtime (interpreter only);</li>
 * <li>{@link #compiled}: the JVM options the launcher adds when the distribution's {@code lib/graal/} is there
 * (see {@code deploy/lib/jvm-options.sh}), with the compiler jars the bench profile copies to
 * {@code target/lib/graal/}; a longer warm-up (1 min), since the Graal compiler itself is Java that has to
 * warm up in that JVM before it compiles the script (measured: tens of ms per event while it does so on a busy
 * 2-core machine).</li>
 * </ul>
 *
 * The set-up checks which runtime it got, so that a fork without the compiler cannot pass for a compiled one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScriptHandlerBenchmark {

    // What deploy/lib/jvm-options.sh adds with MAJORDOME_SCRIPT_COMPILER=on; the bench profile copies the compiler to
    // target/lib/graal/ (the forks run in the module's directory).
    static final String UNLOCK = "-XX:+UnlockExperimentalVMOptions";
    static final String JVMCI = "-XX:+EnableJVMCI";
    static final String COMPILER = "--upgrade-module-path=target/lib/graal";
    static final String NATIVE = "--enable-native-access=ALL-UNNAMED";

    private static final String ROOM = "bench@conference.example.org";

    private Path directory;
    private ScriptHost host;
    private PluginTestKit kit;
    private RoomMessageReceivedEvent event;

    @Setup(Level.Trial)
    public void start(BenchmarkParams params) throws IOException {
        try (Engine probe = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build()) {
            requireRuntime(probe, params);
        }
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
        // start() waits for the script's load only so long: on a busy machine (the compiled fork competes with
        // the Graal compiler warming up) the load can outlast it, and events would then meet no handler yet.
        // A reload queues behind that first load on the script's thread, so its end means the handler is there.
        ScriptStatus loaded = host.script("counter").orElseThrow().reload().join();
        if (loaded.state() != ScriptStatus.State.RUNNING) {
            throw new IllegalStateException("counter.js did not load: " + loaded);
        }
        event = new RoomMessageReceivedEvent(ROOM, new Occupant("alice", Optional.empty(), Optional.of("occ-1"),
                Role.PARTICIPANT, Affiliation.NONE), MessageStanza.ofBody("hello there"), Instant.now());
    }

    /** Fails the trial when a method named {@code compiled} did not get the optimizing runtime, or another did. */
    static void requireRuntime(Engine engine, BenchmarkParams params) {
        boolean wantCompiled = params.getBenchmark().endsWith(".compiled");
        boolean compiled = !engine.getImplementationName().equals("Interpreted");
        if (compiled != wantCompiled) {
            throw new IllegalStateException(params.getBenchmark() + " runs on the " + engine.getImplementationName()
                    + " runtime; for the compiled run, 'mvn -Pbench verify' copies the compiler to target/lib/graal");
        }
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
    public boolean interpreted() {
        return kit.deliver(event);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {UNLOCK, JVMCI, COMPILER, NATIVE})
    @Warmup(iterations = 15, time = 4)
    public boolean compiled() {
        return kit.deliver(event);
    }
}
