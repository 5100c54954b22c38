package org.majordome.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.muc.MUCRole;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.parts.Resourcepart;
import org.majordome.plugins.testsupport.BotProcess;
import org.majordome.testing.ProsodyServer;

/**
 * Soak: the bot as users run it ({@code majordome run} in its own JVM) keeps {@code rooms} rooms with the core,
 * moderation, welcome and notices plugins for {@code duration}, under steady legitimate traffic, periodic
 * spammers and a Prosody crash (SIGKILL, then started again on the same port and data) every {@code restart}.
 * It samples, every {@code sample}: the bot's heap used after a full GC ({@code jcmd GC.run}, then
 * {@code GC.heap_info}), its resident memory and live threads, and the dispatcher's counters from its own
 * {@code /metrics} (handler calls over the time limit, calls skipped behind a late one, events shed, handler
 * errors). It prints the time series and a verdict:
 * <ul>
 * <li>heap: slope of a least-squares line through the post-GC heap after {@code warmup}, and the growth it
 * projects over the run;</li>
 * <li>stalls: the dispatcher's late and skipped calls, and the longest wait for an answer to {@code !ping}
 * (an observer in every room asks in one room after another, every {@code probe}): a stalled room queue shows
 * there first. Also printed, as the bot's share, the time from the room's echo of the probe reaching the
 * observer to the answer reaching it: the echo went through Prosody and the observer's reading as the answer
 * did, so a loaded machine shows in the total and much less in the share;</li>
 * <li>spammers: each joins one room under a new nick and says the forbidden word once; it counts as actioned
 * when the observer sees its kick (307) or ban (301). Spammers never straddle a restart: they run between
 * restarts, one at a time, each waited for up to {@code spam-timeout}.</li>
 * </ul>
 * Occupants who are not spammers and get kicked or banned are listed as false positives.
 *
 * <p>Arguments (defaults): {@code duration=30m rooms=100 restart=5m rate=20 chatters=4 spam=10s
 * spam-timeout=30s probe=3s sample=30s warmup=3m heap=256m}. {@code rate} is legitimate messages per second
 * over all rooms, sent by {@code chatters} light raw-socket clients that are each in every room;
 * {@code restart=0} never restarts; {@code heap} is the bot's {@code -Xmx}.
 */
public final class SoakHarness {

    private static final String WORD = "soakspam";
    private static final String BOT_NICK = "Majordome";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Duration duration;
    private final int roomCount;
    private final Duration restartEvery;
    private final int rate;
    private final int chatterCount;
    private final Duration spamEvery;
    private final Duration spamTimeout;
    private final Duration probeEvery;
    private final Duration sampleEvery;
    private final Duration warmup;
    private final String heap;

    private ProsodyServer server;
    private List<EntityBareJid> rooms;
    private BotProcess bot;
    private int healthPort;
    private final long started = System.nanoTime();
    private final Random random = new Random(20261202L);

    /** True while Prosody is being restarted and the clients reconnected: no traffic, no probes. */
    private volatile boolean paused;
    private volatile List<RawLoadClient> chatters = List.of();
    private volatile Observer observer;

    private final AtomicLong legitSent = new AtomicLong();
    private final AtomicLong legitFailed = new AtomicLong();
    private final AtomicLong legitSkipped = new AtomicLong();
    private final AtomicLong legitDue = new AtomicLong();

    /** "room/nick" of every spammer seen kicked or banned, with the time it was seen. */
    private final Map<String, Long> actioned = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> falsePositives = new ConcurrentLinkedQueue<>();
    private int spammersSent;
    private int spammersActioned;
    private int spammersNotJoined;
    private final List<String> spammersMissed = new ArrayList<>();
    private final List<Long> spamLatencies = Collections.synchronizedList(new ArrayList<>());

    private final List<Long> probeLatencies = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong probesUnanswered = new AtomicLong();
    private final AtomicLong probesInterrupted = new AtomicLong();
    private final AtomicLong probeMaxInSample = new AtomicLong();
    private final List<Long> botShares = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong botShareMaxInSample = new AtomicLong();
    private final AtomicLong probeCounter = new AtomicLong();

    private final List<Long> recoveries = new ArrayList<>();
    private final List<Sample> samples = new ArrayList<>();

    private record Sample(double minutes, double heapMb, double rssMb, long threads, long dispatched, long timeouts,
                          long skipped, long shed, long errors, int spamSent, int spamActioned, long legit,
                          double probeMaxMs, double botShareMaxMs, int restarts, String load) {
    }

    private SoakHarness(HarnessArgs options) {
        duration = options.duration("duration", "30m");
        roomCount = options.integer("rooms", 100);
        restartEvery = options.duration("restart", "5m");
        rate = options.integer("rate", 20);
        chatterCount = options.integer("chatters", 4);
        spamEvery = options.duration("spam", "10s");
        spamTimeout = options.duration("spam-timeout", "30s");
        probeEvery = options.duration("probe", "3s");
        sampleEvery = options.duration("sample", "30s");
        warmup = options.duration("warmup", "3m");
        heap = options.text("heap", "256m");
    }

    public static void main(String[] args) {
        HarnessArgs.run(args, options -> new SoakHarness(options).run());
    }

    private void run() throws Exception {
        System.out.printf("Soak: %s, %d rooms, Prosody killed and restarted every %s, %d legitimate msg/s from %d "
                        + "chatters, a spammer every %s, !ping probe every %s, sample every %s (warm-up %s), bot -Xmx%s; "
                        + "%d cores; started %s%n", duration, roomCount, restartEvery.isZero() ? "never" : restartEvery,
                rate, chatterCount, spamEvery, probeEvery, sampleEvery, warmup, heap,
                Runtime.getRuntime().availableProcessors(), Instant.now());
        ScheduledExecutorService background = Executors.newScheduledThreadPool(2,
                Thread.ofPlatform().daemon().name("soak-", 0).factory());
        try (ProsodyServer prosody = ProsodyServer.builder().logLevel("warn").build().start()) {
            server = prosody;
            rooms = new ArrayList<>();
            for (int i = 0; i < roomCount; i++) {
                rooms.add(server.uniqueRoom("soak"));
            }
            Path work = Files.createTempDirectory("majordome-soak-");
            healthPort = freePort();
            Path config = BotProcess.writeConfig(server, work, work.resolve("data"), healthPort,
                    Duration.ofSeconds(60), BotProcess.rooms(rooms, "core", "moderation", "welcome", "notices")
                            + pluginsSection());
            for (int i = 0; i < chatterCount; i++) {
                server.register("chatter" + i, "bench-chatter" + i);
            }
            for (int i = 0; i < 20; i++) {
                server.register("spammer" + i, "bench-spammer" + i);
            }
            server.register("observer", "bench-observer");
            System.out.println("Bot configuration and log: " + work);

            try (BotProcess running = BotProcess.start(config, healthPort, "-Xmx" + heap)) {
                bot = running;
                long readyMs = awaitReady();
                System.out.printf("Bot ready after %d ms%n", readyMs);
                connectClients();

                if (rate > 0) {
                    legitDue.set(System.nanoTime());
                    background.scheduleAtFixedRate(this::sendLegit, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
                }
                background.scheduleWithFixedDelay(this::probe, probeEvery.toNanos(), probeEvery.toNanos(),
                        TimeUnit.NANOSECONDS);

                System.out.printf("%n%7s %8s %8s %7s %10s %8s %7s %5s %6s %9s %8s %10s %8s %8s %6s%n", "min", "heap MB",
                        "RSS MB", "threads", "dispatched", "timeouts", "skipped", "shed", "errors", "spam sent",
                        "actioned", "legit sent", "ping max", "bot max", "load");
                long end = started + duration.toNanos();
                long nextRestart = restartEvery.isZero() ? Long.MAX_VALUE : started + restartEvery.toNanos();
                long nextSpam = System.nanoTime() + spamEvery.toNanos();
                long nextSample = System.nanoTime();
                while (System.nanoTime() < end) {
                    if (!bot.isAlive()) {
                        throw new IllegalStateException("the bot exited; its log: " + work.resolve("bot.log"));
                    }
                    long now = System.nanoTime();
                    if (now >= nextSample) {
                        sample();
                        nextSample = now + sampleEvery.toNanos();
                    } else if (now >= nextRestart && end - now > Duration.ofMinutes(1).toNanos()) {
                        restartProsody();
                        nextRestart = System.nanoTime() + restartEvery.toNanos();
                    } else if (now >= nextSpam) {
                        spammer();
                        nextSpam = System.nanoTime() + spamEvery.toNanos();
                    } else {
                        LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
                    }
                }
                paused = true;
                background.shutdownNow();
                sample();
                report(work);
                closeClients();
            }
        } finally {
            background.shutdownNow();
        }
    }

    /** Moderation with one forbidden word (kick at once) and every other rule at its default; a notice a minute. */
    private static String pluginsSection() {
        return """
                plugins:
                  moderation:
                    words: {words: [%s], action: kick, points: 1}
                  notices:
                    zone: UTC
                    notices:
                      - name: soak-tip
                        text: "Tip: !help lists what the bot can do."
                        schedule: "0 * * * * ?"
                        only-after-activity: true
                """.formatted(WORD);
    }

    // ---- traffic -------------------------------------------------------------------------------------------

    private void sendLegit() {
        // A starved harness must not catch up in a burst: that is a flood, and the bot rightly warns for it.
        long due = legitDue.getAndAdd(1_000_000_000L / rate);
        List<RawLoadClient> current = chatters;
        if (paused || current.isEmpty()) {
            return;
        }
        if (System.nanoTime() - due > 1_000_000_000L) {
            legitSkipped.incrementAndGet();
            return;
        }
        long n = legitSent.get();
        try {
            current.get((int) (n % current.size())).say(rooms.get((int) (n % rooms.size())), ordinaryText());
            legitSent.incrementAndGet();
        } catch (RuntimeException e) {
            legitFailed.incrementAndGet(); // the server went away under it: counted, the restart reconnects
        }
    }

    private static final String[] VOCABULARY = ("the a we you they it this that and but so because when then "
            + "tomorrow today yesterday morning evening weather rain sun garden train station coffee tea lunch "
            + "dinner meeting project release build test review code bug fix idea plan question answer book film "
            + "music walk bike city river mountain friend family office home window door table chair green blue "
            + "quiet busy early late maybe sure thanks please nice good great fine small big new old first last "
            + "think know see hear read write bring take make find keep leave call meet visit try need want like "
            + "about with without before after during over under near far again still already soon never often").split(" ");

    /** 4-14 random words: legitimate chat that no rule should mind (no word or phrase repeated on purpose). */
    private static String ordinaryText() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        StringBuilder text = new StringBuilder();
        int words = 4 + random.nextInt(11);
        for (int w = 0; w < words; w++) {
            text.append(w == 0 ? "" : " ").append(VOCABULARY[random.nextInt(VOCABULARY.length)]);
        }
        return text.toString();
    }

    /** Asks {@code !ping} in the next room and waits for the answer; the longest wait is the stall figure. */
    private void probe() {
        Observer watching = observer;
        if (paused || watching == null) {
            return;
        }
        EntityBareJid room = rooms.get((int) (probeCounter.getAndIncrement() % rooms.size()));
        CompletableFuture<Long> pong = new CompletableFuture<>();
        CompletableFuture<Long> echo = new CompletableFuture<>();
        watching.expectPong(room, pong, echo);
        long sentAt = System.nanoTime();
        try {
            watching.mucs.get(room).sendMessage("!ping");
            long answeredAt = pong.get(60, TimeUnit.SECONDS);
            long latency = answeredAt - sentAt;
            probeLatencies.add(latency);
            probeMaxInSample.accumulateAndGet(latency, Math::max);
            // The room's echo of the probe to the observer went through Prosody and the observer's own
            // reading like the answer did: what is left after it is (mostly) the bot's share.
            Long echoedAt = echo.getNow(null);
            if (echoedAt != null) {
                long botShare = Math.max(0, answeredAt - echoedAt);
                botShares.add(botShare);
                botShareMaxInSample.accumulateAndGet(botShare, Math::max);
            }
        } catch (TimeoutException e) {
            if (paused) {
                probesInterrupted.incrementAndGet();
            } else {
                probesUnanswered.incrementAndGet();
                System.out.printf("  probe in %s unanswered after 60 s%n", room);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RuntimeException | org.jivesoftware.smack.SmackException.NotConnectedException e) {
            probesInterrupted.incrementAndGet(); // the connection went away with the server
        }
    }

    /** One spammer: joins a random room under a new nick, says the word once, waits to be kicked. */
    private void spammer() {
        int n = spammersSent + spammersNotJoined;
        EntityBareJid room = rooms.get(random.nextInt(rooms.size()));
        String nick = "spammer-" + n;
        RawLoadClient spammer;
        try {
            spammer = RawLoadClient.joinRegistered(server, "spammer" + (n % 20), nick, List.of(room));
        } catch (RuntimeException e) {
            spammersNotJoined++;
            System.out.printf("  %s could not join %s: %s%n", nick, room, e.getMessage());
            return;
        }
        try {
            long sentAt = System.nanoTime();
            spammer.say(room, "cheap " + WORD + " here, offer " + n);
            spammersSent++;
            String key = room + "/" + nick;
            long deadline = sentAt + spamTimeout.toNanos();
            while (!actioned.containsKey(key) && System.nanoTime() < deadline) {
                LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
            }
            Long seen = actioned.get(key);
            if (seen != null) {
                spammersActioned++;
                spamLatencies.add(seen - sentAt);
            } else {
                spammersMissed.add(key + " at " + minutes() + " min");
                System.out.printf("  %s not actioned within %s%n", key, spamTimeout);
            }
        } finally {
            spammer.close();
        }
    }

    // ---- server restarts -----------------------------------------------------------------------------------

    private void restartProsody() {
        paused = true;
        closeClients(); // the harness's own clients first: their end is not what is measured
        long killedAt = System.nanoTime();
        server.kill();
        // The bot must notice first, or its health would still say ready from before the crash.
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (bot.ready() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        server.start();
        awaitReady();
        long recovery = (System.nanoTime() - killedAt) / 1_000_000;
        recoveries.add(recovery);
        System.out.printf("  %.1f min: Prosody killed and restarted; bot ready again (every room joined) %d ms after "
                + "the kill%n", minutes(), recovery);
        connectClients();
        paused = false;
    }

    private void connectClients() {
        // In parallel: joining 100 rooms one client after another kept the traffic off for half a minute.
        List<CompletableFuture<RawLoadClient>> connecting = new ArrayList<>();
        for (int i = 0; i < chatterCount; i++) {
            String user = "chatter" + i;
            connecting.add(CompletableFuture.supplyAsync(() -> RawLoadClient.joinRegistered(server, user, user, rooms)));
        }
        Observer watching = new Observer(HarnessClient.connectRegistered(server, "observer", false, false));
        watching.joinAll();
        chatters = connecting.stream().map(CompletableFuture::join).toList();
        observer = watching;
    }

    private void closeClients() {
        chatters.forEach(RawLoadClient::close);
        chatters = List.of();
        Observer old = observer;
        observer = null;
        if (old != null) {
            old.pong.completeExceptionally(new IllegalStateException("the server is being restarted"));
            old.connection.instantShutdown();
        }
    }

    private long awaitReady() {
        long from = System.nanoTime();
        while (!bot.ready()) {
            if (!bot.isAlive()) {
                throw new IllegalStateException("the bot exited:\n" + bot.logText());
            }
            if (System.nanoTime() - from > READY_TIMEOUT.toNanos()) {
                throw new IllegalStateException("the bot is not ready after " + READY_TIMEOUT);
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        return (System.nanoTime() - from) / 1_000_000;
    }

    /** A Smack client in every room: sees kicks and bans, asks {@code !ping} and times the answer. */
    private final class Observer {
        final XMPPTCPConnection connection;
        final Map<EntityBareJid, MultiUserChat> mucs = new ConcurrentHashMap<>();
        private volatile EntityBareJid pongRoom;
        private volatile CompletableFuture<Long> pong = new CompletableFuture<>();
        private volatile CompletableFuture<Long> echo = new CompletableFuture<>();

        Observer(XMPPTCPConnection connection) {
            this.connection = connection;
            connection.addSyncStanzaListener(this::onPresence, StanzaTypeFilter.PRESENCE);
            connection.addSyncStanzaListener(this::onMessage, StanzaTypeFilter.MESSAGE);
        }

        void joinAll() {
            rooms.forEach(room -> mucs.put(room, HarnessClient.join(connection, room, "observer")));
        }

        void expectPong(EntityBareJid room, CompletableFuture<Long> answer, CompletableFuture<Long> ownEcho) {
            pong = answer;
            echo = ownEcho;
            pongRoom = room;
        }

        private void onPresence(Stanza stanza) {
            long now = System.nanoTime();
            MUCUser user = MUCUser.from(stanza);
            Resourcepart nick = stanza.getFrom().getResourceOrNull();
            if (user == null || nick == null) {
                return;
            }
            if (((Presence) stanza).getType() == Presence.Type.available) {
                if (user.getItem() != null && user.getItem().getRole() == MUCRole.visitor
                        && !nick.toString().startsWith("spammer-")) {
                    falsePositives.add(stanza.getFrom() + " muted at " + minutes() + " min");
                }
                return;
            }
            boolean kicked = user.getStatus().contains(MUCUser.Status.KICKED_307);
            boolean banned = user.getStatus().contains(MUCUser.Status.BANNED_301);
            if (!kicked && !banned) {
                return;
            }
            String key = stanza.getFrom().asBareJid() + "/" + nick;
            if (nick.toString().startsWith("spammer-")) {
                actioned.putIfAbsent(key, now);
            } else {
                falsePositives.add(key + (kicked ? " kicked" : " banned") + " at " + minutes() + " min");
            }
        }

        private void onMessage(Stanza stanza) {
            Message message = (Message) stanza;
            if (message.getType() == Message.Type.groupchat && message.getBody() != null
                    && BOT_NICK.equals(String.valueOf(stanza.getFrom().getResourceOrNull()))) {
                int warning = message.getBody().indexOf(", please stop");
                if (warning > 0 && !message.getBody().startsWith("spammer-")) {
                    falsePositives.add(stanza.getFrom().asBareJid() + ": \"" + message.getBody() + "\" at "
                            + minutes() + " min");
                }
            }
            if (message.getType() == Message.Type.groupchat && message.getBody() != null
                    && "!ping".equals(message.getBody()) && stanza.getFrom().asBareJid().equals(pongRoom)
                    && "observer".equals(String.valueOf(stanza.getFrom().getResourceOrNull()))) {
                echo.complete(System.nanoTime());
            }
            if (message.getType() == Message.Type.groupchat && message.getBody() != null
                    && message.getBody().contains("pong") && stanza.getFrom().asBareJid().equals(pongRoom)
                    && BOT_NICK.equals(String.valueOf(stanza.getFrom().getResourceOrNull()))) {
                pong.complete(System.nanoTime());
            }
        }
    }

    // ---- sampling and report -------------------------------------------------------------------------------

    private void sample() throws Exception {
        String jcmd = Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("jcmd").toString();
        run(jcmd, Long.toString(bot.pid()), "GC.run");
        Matcher used = Pattern.compile("used (\\d+)K").matcher(run(jcmd, Long.toString(bot.pid()), "GC.heap_info"));
        double heapMb = used.find() ? Long.parseLong(used.group(1)) / 1024.0 : Double.NaN;
        String metrics = scrape();
        Sample sample = new Sample(minutes(), heapMb, bot.residentKilobytes() / 1024.0,
                metric(metrics, "jvm_threads_live_threads"), metric(metrics, "majordome_dispatch_events_dispatched_total"),
                metric(metrics, "majordome_plugin_timeouts_total"), metric(metrics, "majordome_plugin_calls_skipped_total"),
                metric(metrics, "majordome_dispatch_events_shed_total"), metric(metrics, "majordome_plugin_errors_total"),
                spammersSent, spammersActioned, legitSent.get(), probeMaxInSample.getAndSet(0) / 1e6,
                botShareMaxInSample.getAndSet(0) / 1e6, recoveries.size(),
                loadAverage());
        samples.add(sample);
        System.out.printf("%7.2f %8.1f %8.1f %7d %10d %8d %7d %5d %6d %9d %8d %10d %8.1f %8.1f %6s%n",
                sample.minutes, sample.heapMb, sample.rssMb, sample.threads, sample.dispatched, sample.timeouts,
                sample.skipped, sample.shed, sample.errors, sample.spamSent, sample.spamActioned, sample.legit,
                sample.probeMaxMs, sample.botShareMaxMs, sample.load);
    }

    private void report(Path work) throws IOException {
        double warmupMinutes = warmup.toSeconds() / 60.0;
        List<Sample> steady = samples.stream().filter(s -> s.minutes >= warmupMinutes).toList();
        System.out.printf("%nVerdict after %.1f min (%d restarts, %d samples after the %s warm-up):%n", minutes(),
                recoveries.size(), steady.size(), warmup);
        if (steady.size() >= 3) {
            double[] line = regression(steady);
            double mean = steady.stream().mapToDouble(Sample::heapMb).average().orElse(Double.NaN);
            double span = steady.getLast().minutes - steady.getFirst().minutes;
            double projected = line[0] * span;
            System.out.printf("  heap after GC: %.1f MB at warm-up end, %.1f MB at the end, mean %.1f MB, min %.1f, max %.1f;"
                            + " slope %+.3f MB/min (%+.1f MB/h), r2 %.2f -> %+.1f MB over the %.1f min measured (%+.1f %% of "
                            + "the mean): %s%n", steady.getFirst().heapMb, steady.getLast().heapMb, mean,
                    steady.stream().mapToDouble(Sample::heapMb).min().orElseThrow(),
                    steady.stream().mapToDouble(Sample::heapMb).max().orElseThrow(), line[0], line[0] * 60, line[1],
                    projected, span, 100 * projected / mean,
                    projected < 0.05 * mean ? "NO LEAK (projected growth under 5 % of the mean)" : "GROWING");
            System.out.printf("  threads: %d at warm-up end, %d at the end; RSS %.0f -> %.0f MB%n",
                    steady.getFirst().threads, steady.getLast().threads, steady.getFirst().rssMb, steady.getLast().rssMb);
        } else {
            System.out.println("  heap: too few samples after the warm-up for a slope");
        }
        Sample last = samples.getLast();
        System.out.printf("  dispatcher: %d events dispatched, %d handler calls over the time limit, %d calls skipped "
                        + "behind a late one, %d events shed, %d handler errors%n", last.dispatched, last.timeouts,
                last.skipped, last.shed, last.errors);
        long[] probes = sorted(probeLatencies);
        System.out.printf("  !ping probes: %d answered, median %.1f ms, p99 %.1f ms, max %.1f ms; %d unanswered within"
                        + " 60 s while the server was up; %d cut by a restart%n", probes.length, pct(probes, 50),
                pct(probes, 99), pct(probes, 100), probesUnanswered.get(), probesInterrupted.get());
        long[] shares = sorted(botShares);
        System.out.printf("    of which after the room's echo of the probe reached the observer (the bot's share): "
                + "median %.1f ms, p99 %.1f ms, max %.1f ms%n", pct(shares, 50), pct(shares, 99), pct(shares, 100));
        long[] spam = sorted(spamLatencies);
        System.out.printf("  spammers: %d actioned / %d sent (%d could not join); spam -> kick seen: median %.1f ms, "
                        + "p99 %.1f ms, max %.1f ms%n", spammersActioned, spammersSent, spammersNotJoined,
                pct(spam, 50), pct(spam, 99), pct(spam, 100));
        spammersMissed.forEach(missed -> System.out.println("    not actioned: " + missed));
        System.out.printf("  false positives (non-spammers warned, muted, kicked or banned): %d%n",
                falsePositives.size());
        falsePositives.forEach(fp -> System.out.println("    " + fp));
        System.out.printf("  legitimate messages: %d sent, %d failed (server down under them), %d not sent (over 1 s "
                + "late: the harness was starved, and a catch-up burst would be a flood)%n", legitSent.get(),
                legitFailed.get(), legitSkipped.get());
        System.out.printf("  Prosody restarts: %d; kill -> bot ready again: %s ms%n", recoveries.size(), recoveries);
        System.out.printf("  machine load (1-min average) at the samples: %s%n",
                samples.stream().map(Sample::load).toList());
        String log = Files.readString(work.resolve("bot.log"), UTF_8);
        System.out.printf("  bot log: %d lines, %d ERROR, %d WARN, %d stack-trace lines (%s)%n", log.lines().count(),
                log.lines().filter(line -> line.contains(" ERROR ")).count(),
                log.lines().filter(line -> line.contains(" WARN ")).count(),
                log.lines().filter(line -> line.startsWith("\tat ")).count(), work.resolve("bot.log"));
    }

    /** Least squares of heap (MB) on time (min): {slope, r squared}. */
    private static double[] regression(List<Sample> points) {
        double n = points.size();
        double meanX = points.stream().mapToDouble(Sample::minutes).sum() / n;
        double meanY = points.stream().mapToDouble(Sample::heapMb).sum() / n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (Sample point : points) {
            sxy += (point.minutes - meanX) * (point.heapMb - meanY);
            sxx += (point.minutes - meanX) * (point.minutes - meanX);
            syy += (point.heapMb - meanY) * (point.heapMb - meanY);
        }
        double slope = sxy / sxx;
        return new double[] {slope, syy == 0 ? 1 : sxy * sxy / (sxx * syy)};
    }

    private static long[] sorted(List<Long> values) {
        synchronized (values) {
            return values.stream().mapToLong(Long::longValue).sorted().toArray();
        }
    }

    private static double pct(long[] sorted, double percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    /** The machine's 1-minute load average: the cores are shared, and this says how much. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private double minutes() {
        return Math.round((System.nanoTime() - started) / 6e9) / 10.0;
    }

    private String scrape() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + healthPort + "/metrics"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** The sum of a Prometheus metric over its tags; -1 when absent. */
    private static long metric(String scrape, String name) {
        Matcher values = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*})? (\\S+)$").matcher(scrape);
        double sum = 0;
        boolean found = false;
        while (values.find()) {
            sum += Double.parseDouble(values.group(1));
            found = true;
        }
        return found ? Math.round(sum) : -1;
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), UTF_8);
        process.waitFor();
        return output;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

}
