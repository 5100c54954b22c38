package org.majordome.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.muc.MUCRole;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.packet.MUCAdmin;
import org.jivesoftware.smackx.muc.packet.MUCItem;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.parts.Resourcepart;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.ProsodyServer;

/**
 * Moderation reaction latency, end to end, against a real Prosody on loopback: a real client says a forbidden
 * word, a kicker kicks, and a third client's clock stops when it sees the kick (status 307). Kickers, in the
 * same rooms under the same background load, trials interleaved:
 * <ul>
 * <li>{@code majordome}: the real bot with the moderation plugin (word rule, {@code action: kick});</li>
 * <li>{@code floor}: a bare Smack client that kicks on the first message with its word, no framework, stream
 * management off, TCP_NODELAY on: the fastest a Java bot can be;</li>
 * <li>{@code floor-sm}: the same with stream management on (Smack's default ack requests);</li>
 * <li>{@code floor-qa}, {@code floor-sm-qa}: the same two with TCP_QUICKACK re-armed after every read;</li>
 * <li>in their own JVM ({@link OwnJvmKicker}): {@code majordome-jvm}, the bot as users run it, through the
 * launcher {@code bin/majordome run} with its default JVM options (more such bots with {@code jvm=}, e.g. an
 * older distribution's home beside this one, to compare two builds in one run), and {@code floor-jvm}, the
 * bare Smack client (SM off, TCP_NODELAY) in a JVM of its own with stock options. For these the CPU time of the
 * whole process over the measured trials (every kicker's trials and the background load are seen by all of
 * them, so the figures compare) and the resident memory at the end are printed.</li>
 * </ul>
 * Arguments ({@code -Dbench.args="trials=1000 rate=500 rooms=20 warmup=100 nagle=true inprocess=true
 * jvm=majordome-jvm=../deploy floorjvm=true"}): trials per kicker, background messages per second (legitimate,
 * spread over the rooms), rooms, discarded warm-up trials, whether Prosody keeps Nagle's algorithm on (stock) or
 * runs with {@code network_settings = { nagle = false }}, whether the in-process bot and floors run, the bots in
 * their own JVM as {@code name=home} pairs separated by commas (home holds {@code bin/majordome}; relative to the
 * plugins module; empty for none; {@code home+postgres} keeps that bot's state in a PostgreSQL database instead of
 * the embedded H2, {@code home+cluster} the same with a {@code cluster:} section, the bot the one instance of its
 * cluster, see {@link BenchPostgres}), whether the own-JVM bare client runs, and {@code jvmopts=} options added to
 * the launcher's for the own-JVM bots (e.g. {@code -XX:StartFlightRecording:filename=/tmp/{name}.jfr}).
 * Also printed: the time inside the in-process bot, from the spam read off its socket to the kick handed to its
 * writer.
 */
public final class KickLatencyHarness {

    private static final Duration TRIAL_TIMEOUT = Duration.ofSeconds(5);
    private static final String SPAMMER = "spammer";

    private record Kicker(String name, String word) {
    }

    private static final Map<String, Long> SPAM_READ = new java.util.concurrent.ConcurrentHashMap<>();
    private static volatile long spamReadByBot;
    private static volatile long kickWrittenByBot;
    private static volatile CompletableFuture<Long> pendingKick = new CompletableFuture<>();

    private KickLatencyHarness() {
    }

    public static void main(String[] args) {
        HarnessArgs.run(args, KickLatencyHarness::run);
    }

    private static void run(HarnessArgs options) throws Exception {
        int trials = options.integer("trials", 1000);
        int warmup = options.integer("warmup", 100);
        int rate = options.integer("rate", 500);
        int roomCount = options.integer("rooms", 20);
        boolean serverNagle = options.flag("nagle", true);
        boolean inProcess = options.flag("inprocess", true);
        boolean floorJvm = options.flag("floorjvm", true);
        List<String[]> jvmBots = new ArrayList<>();
        for (String pair : options.text("jvm", "majordome-jvm=../deploy").split(",")) {
            if (!pair.isBlank()) {
                jvmBots.add(pair.split("=", 2));
            }
        }

        List<Kicker> kickers = new ArrayList<>();
        if (inProcess) {
            kickers.addAll(List.of(new Kicker("majordome", "majspam"), new Kicker("floor", "alphaword"),
                    new Kicker("floor-sm", "bravoword"), new Kicker("floor-qa", "charlieword"),
                    new Kicker("floor-sm-qa", "deltaword")));
        }
        List<String> admins = new ArrayList<>(List.of("floor", "floorsm", "floorqa", "floorsmqa", "floorjvm"));
        for (int i = 0; i < jvmBots.size(); i++) {
            admins.add("botjvm" + i);
        }
        try (ProsodyServer server = ProsodyServer.builder().logLevel("warn")
                .globalConfig("admins = { " + String.join(", ", admins.stream().map(user -> "\"" + user
                        + "@localhost\"").toList()) + " }")
                .globalConfig(serverNagle ? "-- stock Nagle" : "network_settings = { nagle = false }").build().start()) {
            List<EntityBareJid> rooms = new ArrayList<>();
            for (int i = 0; i < roomCount; i++) {
                rooms.add(server.uniqueRoom("latency"));
            }
            Path data = Files.createTempDirectory("majordome-bench-");
            BotUnderTest.Builder builder = BotUnderTest.builder(server).dataDirectory(data)
                    .pluginConfig("moderation", """
                            flood: {enabled: false}
                            repetition: {enabled: false}
                            links: {enabled: false}
                            mentions: {enabled: false}
                            caps: {enabled: false}
                            nicknames: {enabled: false}
                            join-flood: {enabled: false}
                            words: {words: [majspam], action: kick, points: 1, remove-message: false}
                            """);
            rooms.forEach(room -> builder.room(room, BotUnderTest.titled("Latency", "bench"), "moderation"));
            try (BotUnderTest bot = builder.start(); BenchPostgres postgres = new BenchPostgres()) {
                bot.awaitJoined(rooms.toArray(EntityBareJid[]::new));
                // Inside the bot: from the spam read off the socket to the kick handed to the writer.
                XMPPConnection botConnection = bot.bot().session().connection();
                List<OwnJvmKicker> ownJvm = new ArrayList<>();
                for (int i = 0; i < jvmBots.size(); i++) {
                    String[] home = jvmBots.get(i)[1].split("\\+", 2);
                    OwnJvmKicker.Storage storage = home.length == 1 ? OwnJvmKicker.Storage.EMBEDDED
                            : postgres.storage(home[1], jvmBots.get(i)[0]);
                    ownJvm.add(OwnJvmKicker.bot(jvmBots.get(i)[0], Path.of(home[0]), server, "botjvm" + i,
                            "jvmspam" + i, rooms, data, options.text("jvmopts", ""), storage));
                }
                if (floorJvm) {
                    ownJvm.add(OwnJvmKicker.floor("floor-jvm", server, "floorjvm", "echoword", false, rooms, data));
                }
                ownJvm.forEach(kicker -> kickers.add(new Kicker(kicker.name(), kicker.word())));
                botConnection.addSyncStanzaListener(stanza -> {
                    spamReadByBot = System.nanoTime();
                    SPAM_READ.put("majordome", spamReadByBot);
                },
                        stanza -> stanza instanceof Message message && message.getBody() != null
                                && message.getBody().contains("majspam"));
                botConnection.addStanzaSendingListener(stanza -> kickWrittenByBot = System.nanoTime(),
                        stanza -> stanza instanceof MUCAdmin);

                List<XMPPTCPConnection> connections = new ArrayList<>();
                if (inProcess) {
                    connections.add(floorKicker(server, "floor", "floor", "alphaword", false, false, rooms));
                    connections.add(floorKicker(server, "floorsm", "floor-sm", "bravoword", true, false, rooms));
                    connections.add(floorKicker(server, "floorqa", "floor-qa", "charlieword", false, true, rooms));
                    connections.add(floorKicker(server, "floorsmqa", "floor-sm-qa", "deltaword", true, true, rooms));
                }

                XMPPTCPConnection observer = HarnessClient.connect(server, "observer", false);
                connections.add(observer);
                observer.addSyncStanzaListener(KickLatencyHarness::onPresence, StanzaTypeFilter.PRESENCE);
                rooms.forEach(room -> HarnessClient.join(observer, room, "observer"));

                XMPPTCPConnection spammer = HarnessClient.connect(server, SPAMMER, false);
                connections.add(spammer);
                Map<EntityBareJid, MultiUserChat> spammerRooms = new LinkedHashMap<>();
                rooms.forEach(room -> spammerRooms.put(room, HarnessClient.join(spammer, room, SPAMMER)));

                List<RawLoadClient> chatters = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    chatters.add(RawLoadClient.join(server, "load" + i, "chatter" + i, rooms));
                }

                ScheduledExecutorService loadSender = Executors.newSingleThreadScheduledExecutor(
                        Thread.ofPlatform().daemon().name("background-load").factory());
                AtomicLong sent = new AtomicLong();
                if (rate > 0) {
                    loadSender.scheduleAtFixedRate(() -> {
                        long n = sent.getAndIncrement();
                        chatters.get((int) (n % chatters.size())).say(rooms.get((int) (n % rooms.size())),
                                "an ordinary message, number " + n + ", about the weather");
                    }, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
                }

                Map<String, long[]> latencies = new LinkedHashMap<>();
                Map<String, Integer> lost = new LinkedHashMap<>();
                Map<String, long[]> deliveries = new LinkedHashMap<>();
                long[] inBot = new long[trials];
                kickers.forEach(kicker -> {
                    latencies.put(kicker.name(), new long[trials]);
                    if (ownJvm.stream().noneMatch(own -> own.name().equals(kicker.name()))) {
                        deliveries.put(kicker.name() + " (spam delivered)", new long[trials]);
                    }
                    lost.put(kicker.name(), 0);
                });
                long started = System.nanoTime();
                long loadAtStart = sent.get();
                int total = (warmup + trials) * kickers.size();
                long[] cpuAtStart = new long[ownJvm.size()];
                long measuredStarted = 0;
                for (int trial = 0; trial < total; trial++) {
                    if (trial == warmup * kickers.size()) {
                        measuredStarted = System.nanoTime();
                        for (int i = 0; i < ownJvm.size(); i++) {
                            cpuAtStart[i] = ownJvm.get(i).cpuTicks();
                        }
                    }
                    Kicker kicker = kickers.get(trial % kickers.size());
                    EntityBareJid room = rooms.get((trial / kickers.size()) % rooms.size());
                    MultiUserChat muc = spammerRooms.get(room);
                    pendingKick = new CompletableFuture<>();
                    SPAM_READ.remove(kicker.name());
                    long sentAt = System.nanoTime();
                    muc.sendMessage("hello, buy " + kicker.word() + " today, trial " + trial);
                    long latency;
                    try {
                        latency = pendingKick.get(TRIAL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) - sentAt;
                    } catch (TimeoutException e) {
                        latency = -1;
                    }
                    int measured = trial / kickers.size() - warmup;
                    if (measured >= 0) {
                        if (latency < 0) {
                            lost.merge(kicker.name(), 1, Integer::sum);
                            latency = Long.MAX_VALUE;
                        }
                        latencies.get(kicker.name())[measured] = latency;
                        Long read = SPAM_READ.get(kicker.name());
                        long[] delivered = deliveries.get(kicker.name() + " (spam delivered)");
                        if (delivered != null) {
                            delivered[measured] = read == null ? Long.MAX_VALUE : read - sentAt;
                        }
                        if (kicker.name().equals("majordome")) {
                            inBot[measured] = kickWrittenByBot - spamReadByBot;
                        }
                    }
                    if (latency == -1 || latency == Long.MAX_VALUE) {
                        System.out.println("trial " + trial + " (" + kicker.name() + ") timed out; " + room);
                    }
                    // Back in for the next trial; a random pause so that trials do not beat with the load.
                    long deadline = System.nanoTime() + TRIAL_TIMEOUT.toNanos();
                    while (muc.isJoined() && System.nanoTime() < deadline) {
                        LockSupport.parkNanos(100_000); // until the spammer's own client has seen its kick
                    }
                    if (muc.isJoined()) {
                        muc.leave();
                    }
                    rejoin(spammer, room, trial);
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(ThreadLocalRandom.current().nextInt(5, 25)));
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                double measuredSeconds = (System.nanoTime() - measuredStarted) / 1e9;
                long[] cpuAtEnd = ownJvm.stream().mapToLong(OwnJvmKicker::cpuTicks).toArray();
                loadSender.shutdownNow();

                System.out.printf("%nKick latency, spam sent -> kick seen by a third client (%d trials per kicker, "
                        + "%d warm-up discarded), background load %.0f msg/s over %d rooms, %d cores, Prosody Nagle %s%n", trials,
                        warmup, (sent.get() - loadAtStart) / seconds, rooms.size(),
                        Runtime.getRuntime().availableProcessors(), serverNagle ? "on (stock)" : "off");
                System.out.printf("%-28s %8s %8s %8s %8s %8s %10s %6s%n", "kicker", "median", "p90", "p99", "p99.9",
                        "max", ">10 ms", "lost");
                if (inProcess) {
                    latencies.put("majordome (in bot)", inBot);
                }
                deliveries.forEach((name, values) -> {
                    latencies.put(name, values);
                    lost.put(name, 0);
                });
                lost.put("majordome (in bot)", 0);
                latencies.forEach((name, values) -> {
                    long[] sorted = values.clone();
                    Arrays.sort(sorted);
                    long over10 = Arrays.stream(sorted).filter(v -> v > 10_000_000L).count();
                    System.out.printf("%-28s %8s %8s %8s %8s %8s %9.1f%% %6d%n", name, ms(percentile(sorted, 50)),
                            ms(percentile(sorted, 90)), ms(percentile(sorted, 99)), ms(percentile(sorted, 99.9)),
                            ms(sorted[sorted.length - 1]), 100.0 * over10 / sorted.length, lost.get(name));
                });
                if (!ownJvm.isEmpty()) {
                    System.out.printf("%nOwn JVM kickers, CPU of the whole process over the %.1f s of measured trials "
                            + "(%d trials per kicker, %d in all, and the background load), RSS at the end:%n",
                            measuredSeconds, trials, trials * kickers.size());
                    System.out.printf("%-28s %14s %16s %12s %10s%n", "kicker", "CPU s", "CPU ms/trial", "CPU %",
                            "RSS MiB");
                    for (int i = 0; i < ownJvm.size(); i++) {
                        double cpuSeconds = (cpuAtEnd[i] - cpuAtStart[i]) / 100.0;
                        System.out.printf("%-28s %14.2f %16.2f %11.1f%% %10.1f%n", ownJvm.get(i).name(), cpuSeconds,
                                cpuSeconds * 1000 / trials, 100 * cpuSeconds / measuredSeconds,
                                ownJvm.get(i).residentKilobytes() / 1024.0);
                    }
                }
                connections.forEach(XMPPTCPConnection::instantShutdown);
                chatters.forEach(RawLoadClient::close);
                ownJvm.forEach(OwnJvmKicker::close);
            }
        }
    }

    /**
     * The spammer back in the room for its next trial. On the shared machine Prosody has left a join unanswered
     * for the whole reply timeout (twice in long runs): try again rather than lose the run.
     */
    private static void rejoin(XMPPTCPConnection spammer, EntityBareJid room, int trial) {
        for (int attempt = 1; ; attempt++) {
            try {
                HarnessClient.join(spammer, room, SPAMMER);
                return;
            } catch (IllegalStateException e) {
                if (attempt == 3) {
                    throw e;
                }
                System.out.println("trial " + trial + ": the spammer's join got no answer; trying again (" + e + ")");
            }
        }
    }

    /** A bare Smack client, owner of every room (a server admin), that kicks whoever says its word. */
    private static XMPPTCPConnection floorKicker(ProsodyServer server, String user, String kickerName, String word,
                                                 boolean sm, boolean quickAck,
                                                 List<EntityBareJid> rooms) {
        XMPPTCPConnection connection = HarnessClient.connect(server, user, sm, quickAck);
        connection.addSyncStanzaListener(stanza -> {
            Message message = (Message) stanza;
            if (message.getType() == Message.Type.groupchat && message.getBody() != null
                    && message.getBody().contains(word) && message.getFrom().hasResource()) {
                SPAM_READ.put(kickerName, System.nanoTime());
                MUCAdmin kick = new MUCAdmin();
                kick.setType(IQ.Type.set);
                kick.setTo(message.getFrom().asBareJid());
                kick.addItem(new MUCItem(MUCRole.none, message.getFrom().getResourceOrThrow(), "spam"));
                try {
                    connection.sendStanza(kick);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }, StanzaTypeFilter.MESSAGE);
        rooms.forEach(room -> HarnessClient.join(connection, room, user));
        return connection;
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

    private static long percentile(long[] sorted, double percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String ms(long nanos) {
        return nanos == Long.MAX_VALUE ? "lost" : String.format("%.2f", nanos / 1e6);
    }
}
