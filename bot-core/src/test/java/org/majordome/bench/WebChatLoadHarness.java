package org.majordome.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.jivesoftware.smack.packet.Message;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.majordome.config.RoomSettings;
import org.majordome.config.Secret;
import org.majordome.config.WebChatSettings;
import org.majordome.config.WebSettings;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.ProsodyServer;
import org.majordome.testing.SocketVisitors;
import org.majordome.testing.SocketVisitors.SocketVisitor;
import org.majordome.testing.TestClients;
import org.majordome.testing.XmppTestClient;

/**
 * The web chat under load, against a real Prosody on loopback: simulated visitors (real WebSocket clients, not
 * browsers) join the web rooms in steps (by default 100, then 500); at each step the harness prints the heap (after
 * a full GC) and the threads per visitor, and the message latency from one visitor's socket to another's (median,
 * p99), next to the latency between two direct XMPP clients in the same room and the same run, trials interleaved.
 * The visitors' WebSocket clients run in the bot's JVM, so the memory figure counts both ends of each socket; the
 * visitors' XMPP sessions run in the guest host (by default), whose resident memory and threads are printed too.
 *
 * <p>Arguments ({@code -Dbench.args="steps=100,500 rooms=5 trials=200 rate=5"}): visitor counts, web rooms (the
 * visitors are spread over them), latency trials per step and kind, background messages per second said by
 * visitors (spread over the rooms).
 */
public final class WebChatLoadHarness {

    private WebChatLoadHarness() {
    }

    public static void main(String[] args) {
        HarnessArgs.run(args, WebChatLoadHarness::run);
    }

    private static void run(HarnessArgs options) throws Exception {
        List<Integer> steps = Arrays.stream(options.text("steps", "100,500").split(",")).map(String::strip)
                .map(Integer::parseInt).toList();
        int roomCount = options.integer("rooms", 5);
        int trials = options.integer("trials", 200);
        int rate = options.integer("rate", 5);
        int most = steps.stream().max(Integer::compare).orElseThrow();
        try (ProsodyServer server = ProsodyServer.builder().logLevel("warn").build().start();
             TestClients clients = new TestClients(server)) {
            server.register("visitors", "visitors-secret");
            List<EntityBareJid> rooms = new ArrayList<>();
            for (int i = 0; i < roomCount; i++) {
                rooms.add(server.uniqueRoom("web"));
            }
            WebChatSettings chat = new WebChatSettings(
                    Optional.of(JidCreate.entityBareFrom("visitors@" + server.domain())),
                    Optional.of(new Secret("visitors-secret", "bench")), most, most + 10, most + 10, 600, 1000,
                    Duration.ofHours(1), Set.of("cookie"));
            BotUnderTest.Builder builder = BotUnderTest.builder(server)
                    .dataDirectory(Files.createTempDirectory("majordome-webchat-bench-"))
                    .web(new WebSettings("127.0.0.1", 0, Optional.empty(), List.of(), Optional.empty(), List.of(),
                            Optional.of(chat)));
            rooms.forEach(room -> builder.room(new RoomSettings(room, Optional.empty(), Optional.empty(),
                    BotUnderTest.titled("Web", "bench"), List.of()).withWebChat(true)));
            try (BotUnderTest bot = builder.start();
                 SocketVisitors web = SocketVisitors.serve(bot.bot().webChat().orElseThrow())) {
                bot.awaitJoined(rooms.toArray(EntityBareJid[]::new));
                EntityBareJid probeRoom = rooms.getFirst();
                XmppTestClient direct1 = clients.connect("direct1");
                XmppTestClient direct2 = clients.connect("direct2");
                direct1.join(probeRoom, "direct1");
                direct2.join(probeRoom, "direct2");
                Map<String, CompletableFuture<Long>> pending = new ConcurrentHashMap<>();
                direct2.connection().addAsyncStanzaListener(stanza -> {
                    long now = System.nanoTime();
                    String body = ((Message) stanza).getBody();
                    if (body != null) {
                        Optional.ofNullable(pending.get(body)).ifPresent(done -> done.complete(now));
                    }
                }, stanza -> stanza instanceof Message);
                SocketVisitor sender = joined(web, probeRoom, "probe-sender");
                SocketVisitor receiver = joined(web, probeRoom, "probe-receiver");
                receiver.tap(text -> {
                    long now = System.nanoTime();
                    int start = text.indexOf("\"text\":\"");
                    if (start >= 0) {
                        String body = text.substring(start + 8, text.indexOf('"', start + 8));
                        Optional.ofNullable(pending.get(body)).ifPresent(done -> done.complete(now));
                    }
                });
                sender.tap(text -> { });
                System.gc();
                long heapBefore = heapAfterGc();
                int threadsBefore = Thread.activeCount();
                int platformBefore = ManagementFactory.getThreadMXBean().getThreadCount();
                List<SocketVisitor> crowd = new ArrayList<>();
                Background background = new Background(crowd, rate);
                for (int step : steps) {
                    while (crowd.size() < step) {
                        crowd.add(joined(web, rooms.get(crowd.size() % rooms.size()), "v" + crowd.size()));
                    }
                    crowd.forEach(visitor -> visitor.tap(text -> { }));
                    long heap = heapAfterGc();
                    int threads = ManagementFactory.getThreadMXBean().getThreadCount();
                    System.out.printf("%d visitors: heap +%.1f KB per visitor (%d MB in all), platform threads +%.2f "
                                    + "per visitor (%d), live threads %d (was %d)%n", step,
                            (heap - heapBefore) / 1024.0 / step, heap >> 20, (threads - platformBefore) / (double) step,
                            threads, Thread.activeCount(), threadsBefore);
                    // The visitors' XMPP sessions run in the guest host (sessions: process): its own footprint.
                    bot.bot().webChat().orElseThrow().guestHostPid().ifPresent(pid -> System.out.printf(
                            "%d visitors: guest host (process %d) %s%n", step, pid, processStatus(pid, step)));
                    background.start();
                    long[] webLatency = new long[trials];
                    long[] directLatency = new long[trials];
                    for (int i = 0; i < trials; i++) {
                        webLatency[i] = probe(pending, "w" + step + "-" + i, body -> sender.say(body));
                        directLatency[i] = probe(pending, "d" + step + "-" + i, body -> direct1.say(probeRoom, body));
                    }
                    background.stop();
                    System.out.printf("%d visitors: web→web %s; direct XMPP %s (ms, %d trials each)%n", step,
                            summary(webLatency), summary(directLatency), trials);
                }
            }
        }
    }

    private static SocketVisitor joined(SocketVisitors web, EntityBareJid room, String nick) throws Exception {
        SocketVisitor visitor = web.visitor();
        visitor.join(room.toString(), nick);
        visitor.awaitJoined();
        return visitor;
    }

    @FunctionalInterface
    private interface Say {
        void say(String body) throws Exception;
    }

    private static long probe(Map<String, CompletableFuture<Long>> pending, String body, Say say) throws Exception {
        CompletableFuture<Long> done = new CompletableFuture<>();
        pending.put(body, done);
        long start = System.nanoTime();
        say.say(body);
        try {
            return done.get(30, TimeUnit.SECONDS) - start;
        } catch (java.util.concurrent.TimeoutException e) {
            return -1;
        } finally {
            pending.remove(body);
        }
    }

    private static String summary(long[] nanos) {
        long lost = Arrays.stream(nanos).filter(value -> value < 0).count();
        long[] sorted = Arrays.stream(nanos).filter(value -> value >= 0).sorted().toArray();
        if (sorted.length == 0) {
            return "no answer";
        }
        return String.format("median %.2f, p99 %.2f, max %.2f, lost %d", sorted[sorted.length / 2] / 1e6,
                sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)] / 1e6,
                sorted[sorted.length - 1] / 1e6, lost);
    }

    /** Resident memory and threads of a process, from {@code /proc/<pid>/status} (proc(5)), per visitor too. */
    private static String processStatus(long pid, int visitors) {
        try {
            long rssKb = 0;
            int threads = 0;
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc", Long.toString(pid),
                    "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rssKb = Long.parseLong(line.replaceAll("\\D", ""));
                } else if (line.startsWith("Threads:")) {
                    threads = Integer.parseInt(line.replaceAll("\\D", ""));
                }
            }
            return String.format("resident %d MB (%.1f KB per visitor), %d threads (%.2f per visitor)", rssKb >> 10,
                    rssKb / (double) visitors, threads, threads / (double) visitors);
        } catch (java.io.IOException | RuntimeException e) {
            return "unreadable (" + e + ")";
        }
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** Visitors chatting in the background while the probes run. */
    private static final class Background {
        private final List<SocketVisitor> crowd;
        private final int perSecond;
        private volatile Thread thread;

        Background(List<SocketVisitor> crowd, int perSecond) {
            this.crowd = crowd;
            this.perSecond = perSecond;
        }

        void start() {
            if (perSecond <= 0 || crowd.isEmpty()) {
                return;
            }
            thread = Thread.ofVirtual().start(() -> {
                long next = System.nanoTime();
                int i = 0;
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        crowd.get(i++ % crowd.size()).say("background chatter " + i);
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
            });
        }

        void stop() throws InterruptedException {
            Thread running = thread;
            if (running != null) {
                running.interrupt();
                running.join();
            }
        }
    }
}
