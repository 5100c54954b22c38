package org.majordome.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jivesoftware.smack.packet.Message;
import org.majordome.api.event.Role;
import org.majordome.intake.BenchIntake;
import org.majordome.intake.CompositeEventSink;
import org.majordome.intake.LoggingEventSink;
import org.majordome.plugins.moderation.ModerationConfig;
import org.majordome.plugins.moderation.ModerationPlugin;
import org.majordome.plugins.welcome.WelcomeConfig;
import org.majordome.plugins.welcome.WelcomePlugin;
import org.majordome.script.ScriptHost;
import org.majordome.script.ScriptSettings;
import org.majordome.testkit.PluginTestKit;
import org.majordome.testkit.TestClock;
import org.majordome.testkit.TestRoom;
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
 * Room messages per second through the whole pipeline, on one core: parsed Smack {@code Message} stanzas go
 * into the bot's real intake ({@code RoomStanzaIntake.onMessage}, as Smack's reader thread calls it), whose events go
 * through the real event sinks and {@code Dispatcher} (virtual threads, as in production) to the shipped
 * moderation plugin (default rules), the welcome plugin, a trivial Java plugin and, with
 * {@code script=with}, a trivial JavaScript plugin ({@code bot.onEvent('RoomMessageReceived', ...)};
 * GraalJS interpreted, no runtime compiler). One operation is one room message, fully dispatched.
 *
 * <p>Ten rooms with twenty participants each speak in turn, every sender with its own pool of different
 * sentences, and the plugins' clock moves 10 ms per message, so each sender speaks once every two seconds:
 * below every default moderation limit (flood, repetition, caps, links, mentions), so the rules do their
 * whole check and nobody is sanctioned; the trial fails if anyone was. The plugins' rooms are the test kit's
 * (nothing is sent to a server); storage is the kit's in-memory H2 (no message writes to it).
 *
 * <p>One core: the fork runs with {@code -XX:ActiveProcessorCount=1} (one carrier thread for virtual
 * threads); pin the whole run to one CPU with {@code taskset -c <cpu>} so that the benchmark thread, the
 * carrier and the script's thread share it. Allocation per message: add {@code -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 6, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = "-XX:ActiveProcessorCount=1")
public class PipelineBenchmark {

    private static final int ROOMS = 10;
    private static final int SENDERS_PER_ROOM = 20;
    private static final int SENTENCES_PER_SENDER = 64;
    private static final int BATCH = 2_000;
    private static final Duration CLOCK_STEP = Duration.ofMillis(10);
    private static final Duration JOIN_STEP = Duration.ofSeconds(7);
    private static final String[] WORDS = ("the a of and to in is it you that was for on are with as they be at one "
            + "have this from or had by hot word but what some we can out other were all there when up use your how "
            + "said an each she which do their time if will way about many then them write would like so these her "
            + "long make thing see him two has look more day could go come did number sound no most people my over "
            + "know water than call first who may down side been now find any new work part take get place made live "
            + "where after back little only round man year came show every good me give our under name very through "
            + "just form sentence great think say help low line differ turn cause much mean before move right boy old "
            + "too same tell does set three want air well also play small end put home read hand port large spell add "
            + "even land here must big high such follow act why ask men change went light kind off need house picture "
            + "try us again animal point mother world near build self earth father head stand own page should country "
            + "found answer school grow study still learn plant cover food sun four between state keep eye never last "
            + "let thought city tree cross farm hard start might story saw far sea draw left late run while press close "
            + "night real life few north open seem together next white children begin got walk example ease paper "
            + "group always music those both mark often letter until mile river car feet care second book carry took "
            + "science eat room friend began idea fish mountain stop once base hear horse cut sure watch color face "
            + "wood main enough plain girl usual young ready above ever red list though feel talk bird soon body dog "
            + "family direct pose leave song measure door product black short numeral class wind question happen "
            + "complete ship area half rock order fire south problem piece told knew pass since top whole king space")
            .split(" ");

    /** Whether the trivial JavaScript plugin is in the pipeline. */
    @Param({"with", "without"})
    public String script;

    /**
     * {@code virtual}: production (a virtual thread per busy room queue and per plugin call);
     * {@code caller}: queues drained and plugins called on the intake's own thread, the dispatcher's work
     * without any thread hand-off (not a production set-up: a slow plugin would hold the intake).
     */
    @Param({"virtual", "caller"})
    public String threads;

    private PluginTestKit kit;
    private ScriptHost scripts;
    private Path scriptDirectory;
    private ExecutorService virtualThreads;
    /** The trivial Java plugin; also tells the benchmark thread when a batch has been delivered. */
    private MessageCounter counter;
    private TestClock clock;
    private BenchIntake[] intakes;
    /** [room][sender][sentence] */
    private Message[][][] stanzas;
    private long sent;
    private final com.sun.management.OperatingSystemMXBean processCpu =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    private long iterationStartCpu;
    private long iterationStartSent;

    @Setup(Level.Trial)
    public void start() throws Exception {
        counter = new MessageCounter();
        virtualThreads = Executors.newVirtualThreadPerTaskExecutor();
        PluginTestKit.Builder builder = PluginTestKit.builder()
                .plugin(new ModerationPlugin(), ModerationConfig.defaults())
                .plugin(new WelcomePlugin(), greetingAtOnce(WelcomeConfig.defaults()))
                .executors(threads.equals("virtual") ? virtualThreads : Runnable::run,
                        threads.equals("virtual") ? virtualThreads : Runnable::run);
        if (script.equals("with")) {
            scriptDirectory = Files.createTempDirectory("pipeline-bench");
            Files.writeString(scriptDirectory.resolve("trivial.js"), """
                    let seen = 0;
                    bot.onEvent('RoomMessageReceived', (event) => { seen++; });
                    """);
            scripts = ScriptHost.open(ScriptSettings.defaults(scriptDirectory), id -> null);
            scripts.plugins().forEach(builder::plugin);
        }
        // Last, so that when it has seen a batch every plugin before it has too.
        builder.plugin(counter);
        for (int room = 0; room < ROOMS; room++) {
            builder.room(roomJid(room));
        }
        kit = builder.start();
        clock = kit.clock();

        SplittableRandom random = new SplittableRandom(42);
        intakes = new BenchIntake[ROOMS];
        stanzas = new Message[ROOMS][SENDERS_PER_ROOM][SENTENCES_PER_SENDER];
        CompositeEventSink sink = new CompositeEventSink(List.of(new LoggingEventSink(), kit::deliver));
        for (int room = 0; room < ROOMS; room++) {
            String jid = roomJid(room);
            TestRoom testRoom = kit.room(jid);
            List<String> presences = new ArrayList<>();
            for (int sender = 0; sender < SENDERS_PER_ROOM; sender++) {
                String nick = nick(sender);
                // The plugins' view of the room (occupant lists); spaced out, below the join-flood limits of
                // moderation (lockdown) and welcome (no greetings), as ordinary arrivals.
                clock.advance(JOIN_STEP);
                testRoom.join(nick, Role.PARTICIPANT);
                awaitDispatched();
                presences.add("<presence xmlns='jabber:client' from='" + jid + "/" + nick + "' to='bot@example.org/r'>"
                        + "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='none' role='participant'/></x>"
                        + "<occupant-id xmlns='urn:xmpp:occupant-id:0' id='oid-" + room + "-" + sender + "'/></presence>");
                for (int sentence = 0; sentence < SENTENCES_PER_SENDER; sentence++) {
                    stanzas[room][sender][sentence] = (Message) BenchIntake.parse(
                            "<message xmlns='jabber:client' type='groupchat' id='m-" + room + "-" + sender + "-" + sentence + "' from='" + jid
                            + "/" + nick + "' to='bot@example.org/r'><body>" + sentence(random) + "</body>"
                            + "<occupant-id xmlns='urn:xmpp:occupant-id:0' id='oid-" + room + "-" + sender + "'/>"
                            + "<stanza-id xmlns='urn:xmpp:sid:0' id='s-" + room + "-" + sender + "-" + sentence
                            + "' by='" + jid + "'/></message>");
                }
            }
            intakes[room] = new BenchIntake(jid, TestRoom.BOT_NICK, sink, clock, presences,
                    "<message xmlns='jabber:client' type='groupchat' from='" + jid + "/someone' to='bot@example.org/r'><subject>Bench</subject></message>");
        }
        // Past welcome's flood window, so that the joins above are old news.
        clock.advance(Duration.ofMinutes(5));
        awaitDispatched();
        for (int room = 0; room < ROOMS; room++) {
            kit.room(roomJid(room)).clearActions();
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        try {
            for (int room = 0; room < ROOMS; room++) {
                TestRoom testRoom = kit.room(roomJid(room));
                // Actions from set-up (greetings) were cleared: anything the bot did since is a sanction.
                if (!testRoom.actions().isEmpty()) {
                    throw new IllegalStateException("moderation acted in " + testRoom.jid() + ": " + testRoom.actions()
                            + "; the load is meant to stay under every limit");
                }
            }
            long shed = kit.dispatcher().stats().eventsShed();
            if (shed > 0) {
                throw new IllegalStateException(shed + " events were shed: the figure would not be a throughput");
            }
        } finally {
            kit.close();
            if (scripts != null) {
                scripts.close();
            }
            virtualThreads.shutdownNow();
            if (scriptDirectory != null) {
                try (Stream<Path> files = Files.walk(scriptDirectory)) {
                    files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        }
    }

    /**
     * Lets every plugin's lanes catch up: in set-up, so that each plugin sees the clock the event was sent at;
     * after each batch, so that an operation is a message every plugin has handled.
     */
    private void awaitDispatched() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (kit.dispatcher().stats().eventsDispatched() < kit.dispatcher().stats().eventsAccepted()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("set-up events not dispatched within 30 s");
            }
            Thread.yield();
        }
    }

    @Setup(Level.Iteration)
    public void startIteration() {
        iterationStartCpu = processCpu.getProcessCpuTime();
        iterationStartSent = sent;
    }

    /**
     * The machine may be shared: besides messages per second of wall-clock time (JMH's score), this prints
     * the whole process's CPU time per message in the iteration (every thread: intake, dispatch, plugins,
     * script, GC, JIT), which other processes on the machine do not inflate. 1 s / that = messages per
     * second one core could carry alone.
     */
    @TearDown(Level.Iteration)
    public void endIteration() {
        long messages = sent - iterationStartSent;
        double cpuMicros = (processCpu.getProcessCpuTime() - iterationStartCpu) / 1_000.0 / messages;
        System.out.printf(Locale.ROOT, "%n[cpu] %.2f us of process CPU per message over %d messages (%.0f messages "
                + "per CPU-second)%n", cpuMicros, messages, 1_000_000 / cpuMicros);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long messages() {
        counter.expect(BATCH);
        for (int i = 0; i < BATCH; i++) {
            long n = sent++;
            int room = (int) (n % ROOMS);
            long turn = n / ROOMS;
            int sender = (int) (turn % SENDERS_PER_ROOM);
            int sentence = (int) (turn / SENDERS_PER_ROOM % SENTENCES_PER_SENDER);
            clock.advance(CLOCK_STEP);
            intakes[room].onMessage(stanzas[room][sender][sentence]);
        }
        long seen = counter.awaitExpected();
        // Each plugin has its own lane per room: the counter having seen the batch no longer means the others
        // have. Without this wait a slower plugin (the script) fell behind batch after batch until its lanes shed.
        awaitDispatched();
        return seen;
    }

    /**
     * Welcome's defaults, but greeting at once: the set-up's joins are then greeted before its actions are cleared,
     * not by a coalescing job during the measurement (no one joins while it runs).
     */
    private static WelcomeConfig greetingAtOnce(WelcomeConfig d) {
        return new WelcomeConfig(d.firstTime(), d.returning(), d.delivery(), d.rules(), d.rejoinCooldown(),
                d.floodJoins(), d.floodWindow(), d.floodSummary(), Duration.ZERO, d.settleAfterJoin(), d.rooms());
    }

    private static String roomJid(int room) {
        return "bench" + room + "@conference.example.org";
    }

    private static String nick(int sender) {
        return "user" + sender;
    }

    private static String sentence(SplittableRandom random) {
        int words = 5 + random.nextInt(8);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.append(random.nextInt(3) == 0 ? "?" : ".").toString().toLowerCase(Locale.ROOT);
    }
}
