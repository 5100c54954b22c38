package org.majordome.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.majordome.config.RoomSettings;
import org.majordome.config.Secret;
import org.majordome.config.WebChatSettings;
import org.majordome.config.WebSettings;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.ProsodyServer;
import org.majordome.testing.SocketVisitors;
import org.majordome.testing.SocketVisitors.SocketVisitor;

/**
 * Whether a surge of web visitors slows the bot's own moderation (issue 18: "a surge of visitors never slows the
 * bot's own rooms or moderation"), against a real Prosody on loopback, and how much of the slowdown is the bot's. The
 * real bot runs in-process with the moderation plugin (a word rule that kicks) in every room and the web chat on its
 * own rooms. A Smack client says the word in a room without visitors; a third client stops the clock when it sees
 * the kick (status 307), as {@link KickLatencyHarness} does. The phases ({@code modes}, in order), each
 * {@code trials} kicks measured the same way:
 * <ul>
 *   <li>{@code quiet}: (a) no visitor at all;</li>
 *   <li>{@code plain}: (b) {@code visitors} plain XMPP sessions ({@link CrowdMain}, a child JVM) arrive in the web
 *   rooms at {@code arrive} a second ({@code joiners} entering at a time) and those in chat ({@code rate} messages a
 *   second in all): what any crowd of occupants costs the server and the machine, with no gateway; then (b') the same
 *   once all are in;</li>
 *   <li>{@code web}: (c) the same crowd as simulated browsers (WebSocket clients in a child JVM), each an XMPP
 *   session of the gateway in the bot's JVM; then (d) the steady state once all are in;</li>
 *   <li>{@code web-in-jvm}: the first measurement's surge, the browsers in the bot's JVM (no arrival rate).</li>
 * </ul>
 * For each phase: the kick latency (median, p90, p99, max), how many were in, the CPU the bot's JVM, Prosody, the
 * guest host (the child JVM running the visitors' XMPP sessions, {@code sessions: process}) and the crowd's JVM
 * used, and the bot's threads that used the most ({@link CpuMeter}; the measuring clients run in the bot's JVM and
 * are counted with it).
 *
 * <p>Arguments ({@code -Dbench.args="visitors=500 trials=200 warmup=50 rooms=5 webrooms=5 rate=20 arrive=20
 * joiners=16 modes=quiet,plain,web joins-at-once=4 sessions=process sessions-nice=10 crowd-nice=0"}):
 * {@code sessions} and {@code sessions-nice} are the web chat's (where the visitors' XMPP sessions run:
 * {@code process}, the guest host, or {@code in-process}, the bot's JVM, to compare the two); {@code crowd-nice} runs
 * the crowd's JVM (both crowds) under {@code nice}, as the clients of other machines it stands for.
 */
public final class WebSurgeHarness {

    private static final Duration TRIAL_TIMEOUT = Duration.ofSeconds(5);
    private static final String SPAMMER = "spammer";
    private static final String WORD = "majspam";

    private static volatile CompletableFuture<Long> pendingKick = new CompletableFuture<>();

    private WebSurgeHarness() {
    }

    public static void main(String[] args) {
        HarnessArgs.run(args, WebSurgeHarness::run);
    }

    private static void run(HarnessArgs options) throws Exception {
        int visitors = options.integer("visitors", 500);
        int trials = options.integer("trials", 200);
        int warmup = options.integer("warmup", 50);
        int kickRoomCount = options.integer("rooms", 5);
        int webRoomCount = options.integer("webrooms", 5);
        int rate = options.integer("rate", 20);
        int arrive = options.integer("arrive", 20);
        int joiners = options.integer("joiners", 16);
        List<String> modes = List.of(options.text("modes", "quiet,plain,web").split(","));
        int joinsAtOnce = options.integer("joins-at-once", WebChatSettings.DEFAULT_JOINS_AT_ONCE);
        WebChatSettings.Sessions sessions = WebChatSettings.Sessions.valueOf(options.text("sessions", "process")
                .toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        int nice = options.integer("sessions-nice", WebChatSettings.DEFAULT_SESSIONS_NICE);
        int crowdNice = options.integer("crowd-nice", 0);
        try (ProsodyServer server = ProsodyServer.builder().logLevel("warn").build().start()) {
            server.register("visitors", "visitors-secret");
            List<EntityBareJid> kickRooms = new ArrayList<>();
            for (int i = 0; i < kickRoomCount; i++) {
                kickRooms.add(server.uniqueRoom("kick"));
            }
            List<EntityBareJid> webRooms = new ArrayList<>();
            for (int i = 0; i < webRoomCount; i++) {
                webRooms.add(server.uniqueRoom("web"));
            }
            WebChatSettings chat = new WebChatSettings(
                    Optional.of(JidCreate.entityBareFrom("visitors@" + server.domain())),
                    Optional.of(new Secret("visitors-secret", "bench")), visitors, visitors + 10, visitors + 10, 600,
                    1000, Duration.ofHours(1), Set.of("cookie"), joinsAtOnce).withSessions(sessions, nice);
            BotUnderTest.Builder builder = BotUnderTest.builder(server)
                    .dataDirectory(Files.createTempDirectory("majordome-surge-bench-"))
                    .web(new WebSettings("127.0.0.1", 0, Optional.empty(), List.of(), Optional.empty(), List.of(),
                            Optional.of(chat)))
                    // Only the word rule acts: the surge itself (many joins, much chatter) is not what is punished.
                    .pluginConfig("moderation", """
                            flood: {enabled: false}
                            repetition: {enabled: false}
                            links: {enabled: false}
                            mentions: {enabled: false}
                            caps: {enabled: false}
                            nicknames: {enabled: false}
                            join-flood: {enabled: false}
                            words: {words: [%s], action: kick, points: 1, remove-message: false}
                            """.formatted(WORD));
            kickRooms.forEach(room -> builder.room(room, BotUnderTest.titled("Kicks", "bench"), "moderation"));
            webRooms.forEach(room -> builder.room(new RoomSettings(room, Optional.empty(), Optional.empty(),
                    BotUnderTest.titled("Web", "bench"), List.of("moderation")).withWebChat(true)));
            List<EntityBareJid> allRooms = new ArrayList<>(kickRooms);
            allRooms.addAll(webRooms);
            try (BotUnderTest bot = builder.start();
                 SocketVisitors web = SocketVisitors.serve(bot.bot().webChat().orElseThrow())) {
                bot.awaitJoined(allRooms.toArray(EntityBareJid[]::new));
                XMPPTCPConnection observer = HarnessClient.connect(server, "observer", false);
                observer.addSyncStanzaListener(WebSurgeHarness::onPresence, StanzaTypeFilter.PRESENCE);
                kickRooms.forEach(room -> HarnessClient.join(observer, room, "observer"));
                XMPPTCPConnection spammer = HarnessClient.connect(server, SPAMMER, false);
                Map<EntityBareJid, MultiUserChat> spammerRooms = new LinkedHashMap<>();
                kickRooms.forEach(room -> spammerRooms.put(room, HarnessClient.join(spammer, room, SPAMMER)));
                server.register("crowd", "bench-crowd");

                Trials trialRunner = new Trials(spammer, spammerRooms, kickRooms);
                trialRunner.run(warmup);
                CpuMeter meter = new CpuMeter();
                meter.watch("Prosody", () -> server.pid().stream().map(Crowd.ProcCpu::millis).findFirst()
                        .orElse(-1));
                // The visitors' sessions run in the guest host (started at the first visitor; none yet: nothing used).
                meter.watch("guest host", () -> bot.bot().webChat().orElseThrow().guestHostPid().stream()
                        .map(Crowd.ProcCpu::millis).findFirst().orElse(0));
                Set<Long> before = meter.snapshot().threadCpu().keySet();
                List<PhaseResult> results = new ArrayList<>();
                String roomList = String.join(",", webRooms.stream().map(Object::toString).toList());
                for (String mode : modes) {
                    switch (mode) {
                        case "quiet" -> results.add(measure("(a) quiet: no visitors", trials, trialRunner, meter,
                                before, () -> -1));
                        case "plain", "web" -> {
                            List<String> arguments = new ArrayList<>(List.of("kind=" + mode, "count=" + visitors,
                                    "arrive=" + arrive, "joiners=" + joiners, "rate=" + rate, "rooms=" + roomList));
                            arguments.addAll(mode.equals("plain")
                                    ? List.of("host=" + server.host(), "port=" + server.port(), "user=crowd",
                                    "password=bench-crowd")
                                    : List.of("origin=" + web.origin()));
                            String label = mode.equals("plain") ? "(b) plain XMPP occupants" : "(c) web visitors";
                            try (Crowd crowd = Crowd.start(arguments, Path.of("target", "surge-crowd-" + mode
                                    + ".log"), crowdNice)) {
                                meter.watch("crowd JVM", crowd::cpuMillis);
                                results.add(measure(label + ", surge", trials, trialRunner, meter, before,
                                        crowd::joined));
                                boolean settled = crowd.awaitSettled(Duration.ofMinutes(4));
                                System.out.printf("%s: %d in, %d failed%s, all settled %s%n", label, crowd.joined(),
                                        crowd.failed(), crowd.firstFailure() == null ? "" : " (" + crowd.firstFailure()
                                                + ")", settled ? String.format("after %.1f s",
                                                crowd.settledAfterSeconds()) : "not yet");
                                results.add(measure(mode.equals("plain") ? "(b') plain XMPP occupants, steady"
                                        : "(d) web visitors, steady", trials, trialRunner, meter, before,
                                        crowd::joined));
                                meter.forget("crowd JVM");
                            }
                            // The crowd's departures (500 leave presences through the rooms) settle before the next.
                            LockSupport.parkNanos(Duration.ofSeconds(10).toNanos());
                        }
                        case "web-in-jvm" -> {
                            Surge surge = new Surge(web, webRooms, visitors, joiners, rate);
                            surge.start();
                            results.add(measure("web visitors in the bot's JVM, surge", trials, trialRunner, meter,
                                    before, surge::joined));
                            surge.stop();
                            LockSupport.parkNanos(Duration.ofSeconds(10).toNanos());
                        }
                        default -> throw new IllegalArgumentException("unknown mode " + mode
                                + " (quiet, plain, web, web-in-jvm)");
                    }
                }

                System.out.printf("%nKick latency, spam said in a room without visitors -> kick seen by a third client "
                                + "(%d trials per phase, %d warm-up discarded), %d rooms with kicks, %d web rooms, "
                                + "%d visitors arriving at %d/s (%d at a time, gateway joins-at-once %d), chat %d/s, "
                                + "visitors' sessions %s, crowd at nice %d, %d cores%n", trials, warmup, kickRoomCount,
                        webRoomCount, visitors, arrive, joiners, joinsAtOnce, rate,
                        sessions == WebChatSettings.Sessions.PROCESS
                                ? "in the guest host at nice " + nice : "in the bot's JVM",
                        crowdNice, Runtime.getRuntime().availableProcessors());
                System.out.printf("%-44s %8s %8s %8s %8s %5s %11s%n", "phase", "median", "p90", "p99", "max", "lost",
                        "in (start-end)");
                results.forEach(PhaseResult::print);
                System.out.println();
                for (PhaseResult result : results) {
                    System.out.println(result.name() + ": " + result.cpu().summary());
                    System.out.println("    " + result.cpu().topThreads(8));
                }
                observer.instantShutdown();
                spammer.instantShutdown();
            }
        }
    }

    /** One phase's kicks and CPU. */
    private record PhaseResult(String name, long[] latencies, int inAtStart, int inAtEnd, CpuMeter.Phase cpu) {
        void print() {
            WebSurgeHarness.print(name, latencies, inAtStart < 0 ? "" : inAtStart + "-" + inAtEnd);
        }
    }

    private static PhaseResult measure(String name, int trials, Trials runner, CpuMeter meter, Set<Long> before,
                                       java.util.function.IntSupplier in) throws Exception {
        CpuMeter.Snapshot start = meter.snapshot();
        int inAtStart = in.getAsInt();
        long[] latencies = runner.run(trials);
        int inAtEnd = in.getAsInt();
        PhaseResult result = new PhaseResult(name, latencies, inAtStart, inAtEnd,
                CpuMeter.between(start, meter.snapshot(), before));
        result.print();
        System.out.println("    " + result.cpu().summary());
        System.out.println("    " + result.cpu().topThreads(8));
        return result;
    }

    private static void print(String phase, long[] nanos, String in) {
        long lost = Arrays.stream(nanos).filter(value -> value < 0).count();
        long[] sorted = Arrays.stream(nanos).filter(value -> value >= 0).sorted().toArray();
        if (sorted.length == 0) {
            System.out.printf("%-44s no kick seen (%d lost)%n", phase, lost);
            return;
        }
        System.out.printf("%-44s %8.2f %8.2f %8.2f %8.2f %5d %11s%n", phase, percentile(sorted, 50) / 1e6,
                percentile(sorted, 90) / 1e6, percentile(sorted, 99) / 1e6, sorted[sorted.length - 1] / 1e6, lost, in);
    }

    private static long percentile(long[] sorted, double percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static void onPresence(org.jivesoftware.smack.packet.Stanza stanza) {
        long now = System.nanoTime();
        Presence presence = (Presence) stanza;
        MUCUser user = MUCUser.from(presence);
        Resourcepart nick = presence.getFrom().getResourceOrNull();
        if (user != null && nick != null && SPAMMER.equals(nick.toString())
                && user.getStatus().contains(MUCUser.Status.KICKED_307)) {
            pendingKick.complete(now);
        }
    }

    /** Kick trials, round robin over the rooms without visitors; the spammer rejoins after each kick. */
    private record Trials(XMPPTCPConnection spammer, Map<EntityBareJid, MultiUserChat> rooms,
                          List<EntityBareJid> order) {

        long[] run(int count) throws Exception {
            long[] latencies = new long[count];
            int lostInARow = 0;
            for (int trial = 0; trial < count; trial++) {
                EntityBareJid room = order.get(trial % order.size());
                MultiUserChat muc = rooms.get(room);
                pendingKick = new CompletableFuture<>();
                long sentAt = System.nanoTime();
                muc.sendMessage("hello, buy " + WORD + " today, trial " + trial);
                try {
                    latencies[trial] = pendingKick.get(TRIAL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) - sentAt;
                    lostInARow = 0;
                } catch (TimeoutException e) {
                    latencies[trial] = -1;
                    System.out.println("trial " + trial + " timed out; " + room);
                    if (++lostInARow == 10) {
                        // The server is swamped: the phase's other trials would be lost the same way, 5 s each.
                        System.out.println("10 trials lost in a row: the phase's other trials count as lost");
                        Arrays.fill(latencies, trial + 1, count, -1);
                        return latencies;
                    }
                }
                long deadline = System.nanoTime() + TRIAL_TIMEOUT.toNanos();
                while (muc.isJoined() && System.nanoTime() < deadline) {
                    LockSupport.parkNanos(100_000); // until the spammer's own client has seen its kick
                }
                try {
                    if (muc.isJoined()) {
                        muc.leave();
                    }
                    rejoin(room, trial);
                } catch (Exception | Error e) {
                    // The server did not answer in time (it is swamped): this trial's kick is lost, the run goes on.
                    System.out.println("trial " + trial + ": the spammer could not leave and rejoin (" + e + ")");
                    if (!muc.isJoined()) {
                        rejoin(room, trial);
                    }
                }
                // A random pause, so that trials do not beat with the surge.
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(ThreadLocalRandom.current().nextInt(5, 25)));
            }
            return latencies;
        }

        /** Back in for the next trial; a join Prosody left unanswered under load is tried again. */
        private void rejoin(EntityBareJid room, int trial) {
            for (int attempt = 1; ; attempt++) {
                try {
                    HarnessClient.join(spammer, room, SPAMMER);
                    return;
                } catch (IllegalStateException e) {
                    if (attempt == 3) {
                        throw e;
                    }
                    System.out.println("trial " + trial + ": the spammer's join got no answer; trying again (" + e
                            + ")");
                }
            }
        }
    }

    /** The visitors: they join, {@code joiners} at a time, and those in chat in the background. */
    private static final class Surge {
        private final SocketVisitors web;
        private final List<EntityBareJid> rooms;
        private final int count;
        private final int perSecond;
        private final Semaphore joining;
        private final ExecutorService joiners = Executors.newVirtualThreadPerTaskExecutor();
        private final ConcurrentLinkedQueue<SocketVisitor> in = new ConcurrentLinkedQueue<>();
        private final List<SocketVisitor> speakers = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final AtomicInteger failed = new AtomicInteger();
        private final AtomicInteger said = new AtomicInteger();
        private volatile long started;
        private volatile Long allInAfter;
        private volatile Thread chatter;

        Surge(SocketVisitors web, List<EntityBareJid> rooms, int count, int joinersAtOnce, int perSecond) {
            this.web = web;
            this.rooms = rooms;
            this.count = count;
            this.perSecond = perSecond;
            this.joining = new Semaphore(joinersAtOnce);
        }

        void start() {
            started = System.nanoTime();
            AtomicInteger done = new AtomicInteger();
            for (int i = 0; i < count; i++) {
                int number = i;
                joiners.submit(() -> {
                    joining.acquireUninterruptibly();
                    try {
                        SocketVisitor visitor = web.visitor();
                        visitor.join(rooms.get(number % rooms.size()).toString(), "visitor" + number);
                        visitor.awaitJoined();
                        visitor.tap(text -> { });
                        in.add(visitor);
                        speakers.add(visitor);
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    } finally {
                        joining.release();
                        if (done.incrementAndGet() == count) {
                            allInAfter = System.nanoTime() - started;
                        }
                    }
                });
            }
            if (perSecond > 0) {
                chatter = Thread.ofVirtual().start(this::chat);
            }
        }

        private void chat() {
            long next = System.nanoTime();
            int i = 0;
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    if (!speakers.isEmpty()) {
                        speakers.get(i++ % speakers.size()).say("an ordinary visitor's message, number " + i);
                        said.incrementAndGet();
                    }
                    next += 1_000_000_000L / perSecond;
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // a visitor dropped: the next one talks
                }
            }
        }

        int joined() {
            return in.size();
        }

        int failed() {
            return failed.get();
        }

        int said() {
            return said.get();
        }

        Optional<Long> allInAfter() {
            return Optional.ofNullable(allInAfter);
        }

        void stop() throws InterruptedException {
            Thread running = chatter;
            if (running != null) {
                running.interrupt();
                running.join();
            }
            joiners.shutdownNow();
            in.forEach(SocketVisitor::close);
        }
    }
}
