package org.majordome.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jxmpp.jid.EntityBareJid;
import org.majordome.plugins.testsupport.BotProcess;
import org.majordome.testing.ProsodyServer;

/**
 * Start-up and scale of the bot as users run it ({@code majordome run} in its own JVM, launcher options),
 * against a real Prosody on loopback; "ready" is the bot's own {@code /health/ready} answering 200 (connected,
 * in every configured room, rooms created and configured).
 * <ol>
 * <li>Start-up: process start to ready with {@code small} rooms (default 10), first start (rooms created and
 * configured) and then {@code runs} restarts (rooms exist).</li>
 * <li>Scale: {@code large} rooms (default 1,000), cold start to ready; then {@code occupants - 1} other
 * occupants per room (few light clients joining every room); heap after a full GC, resident memory and idle
 * CPU over {@code idle} seconds, compared with the same bot keeping {@code small} rooms; then a restart to
 * ready with the occupants present.</li>
 * </ol>
 * Arguments: {@code small=10 large=1000 occupants=10 runs=5 idle=30 heap=} (e.g. {@code heap=256m} for -Xmx).
 */
public final class StartupScaleHarness {

    private StartupScaleHarness() {
    }

    public static void main(String[] args) {
        HarnessArgs.run(args, StartupScaleHarness::run);
    }

    private static void run(HarnessArgs options) throws Exception {
        int small = options.integer("small", 10);
        int large = options.integer("large", 1000);
        int occupants = options.integer("occupants", 10);
        int runs = options.integer("runs", 5);
        int idleSeconds = options.integer("idle", 30);
        String heap = options.text("heap", "");
        String[] jvm = heap.isEmpty() ? new String[] {"-XX:MaxRAMPercentage=50"}
                : new String[] {"-Xmx" + heap};
        List<String> report = new ArrayList<>();
        try (ProsodyServer server = ProsodyServer.builder().logLevel("warn").build().start()) {
            Path work = Files.createTempDirectory("majordome-scale-");

            List<EntityBareJid> smallRooms = rooms(server, "startup", small);
            Path smallConfig = BotProcess.writeConfig(server, work.resolve("small"), work.resolve("small/data"),
                    freePort(), Duration.ofSeconds(60), BotProcess.rooms(smallRooms, "core", "moderation"));
            List<Long> startups = new ArrayList<>();
            Footprint smallFootprint = null;
            for (int i = 0; i <= runs; i++) {
                try (BotProcess bot = BotProcess.start(smallConfig, port(smallConfig), jvm)) {
                    startups.add(timeToReady(bot));
                    if (i == runs) {
                        smallFootprint = footprint(bot, idleSeconds);
                    }
                }
            }
            report.add(String.format("Start-up, process start -> ready, %d rooms: first start (creates and configures"
                    + " them) %d ms; restarts %s ms", small, startups.getFirst(), startups.subList(1, startups.size())));

            List<EntityBareJid> largeRooms = rooms(server, "scale", large);
            Path largeConfig = BotProcess.writeConfig(server, work.resolve("large"), work.resolve("large/data"),
                    freePort(), Duration.ofSeconds(60), BotProcess.rooms(largeRooms, "core", "moderation"));
            try (BotProcess bot = BotProcess.start(largeConfig, port(largeConfig), jvm)) {
                long cold = timeToReady(bot);
                report.add(String.format("Scale, %d rooms: process start -> ready (creates and configures every room)"
                        + " %d ms", large, cold));
                long joinsStarted = System.nanoTime();
                List<RawLoadClient> others = new ArrayList<>();
                for (int i = 1; i < occupants; i++) {
                    others.add(RawLoadClient.join(server, "occupant" + i, "occupant" + i, largeRooms));
                }
                report.add(String.format("  %d other occupants joined every room in %d ms (%d joins)", occupants - 1,
                        (System.nanoTime() - joinsStarted) / 1_000_000, (occupants - 1) * large));
                Footprint largeFootprint = footprint(bot, idleSeconds);
                report.add("  " + smallFootprint.describe(small));
                report.add("  " + largeFootprint.describe(large));
                report.add(String.format("  per room: heap %.1f KB, RSS %.1f KB",
                        (largeFootprint.heapKb - smallFootprint.heapKb) / (double) (large - small),
                        (largeFootprint.rssKb - smallFootprint.rssKb) / (double) (large - small)));
                bot.stop();
                try (BotProcess again = BotProcess.start(largeConfig, port(largeConfig), jvm)) {
                    report.add(String.format("  restart -> ready with %d occupants in each of the %d rooms: %d ms",
                            occupants, large, timeToReady(again)));
                }
                others.forEach(RawLoadClient::close);
            }
        }
        System.out.printf("%nMachine: %d cores, %s %s; JVM options %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"), String.join(" ", jvm));
        report.forEach(System.out::println);
    }

    private record Footprint(long heapKb, long rssKb, double idleCpuPercent) {
        String describe(int rooms) {
            return String.format("%d rooms: heap after full GC %d KB, RSS %d KB, idle CPU %.2f %% of one core",
                    rooms, heapKb, rssKb, idleCpuPercent);
        }
    }

    private static Footprint footprint(BotProcess bot, int idleSeconds) throws Exception {
        settle(Duration.ofSeconds(5));
        long ticksBefore = bot.cpuTicks();
        long startedAt = System.nanoTime();
        settle(Duration.ofSeconds(idleSeconds));
        double seconds = (System.nanoTime() - startedAt) / 1e9;
        double idleCpu = (bot.cpuTicks() - ticksBefore) / 100.0 / seconds * 100.0;
        String jcmd = Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("jcmd").toString();
        run(jcmd, Long.toString(bot.pid()), "GC.run");
        String heapInfo = run(jcmd, Long.toString(bot.pid()), "GC.heap_info");
        Matcher used = Pattern.compile("used (\\d+)K").matcher(heapInfo);
        long heapKb = used.find() ? Long.parseLong(used.group(1)) : -1;
        return new Footprint(heapKb, bot.residentKilobytes(), idleCpu);
    }

    private static long timeToReady(BotProcess bot) {
        long started = System.nanoTime();
        while (!bot.ready()) {
            if (!bot.isAlive()) {
                throw new IllegalStateException("the bot exited:\n" + bot.logText());
            }
            if (System.nanoTime() - started > Duration.ofMinutes(10).toNanos()) {
                throw new IllegalStateException("not ready after 10 minutes:\n" + bot.logText());
            }
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static void settle(Duration duration) {
        long until = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < until) {
            LockSupport.parkNanos(until - System.nanoTime());
        }
    }

    private static List<EntityBareJid> rooms(ProsodyServer server, String hint, int count) {
        List<EntityBareJid> rooms = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rooms.add(server.uniqueRoom(hint));
        }
        return rooms;
    }

    private static int port(Path config) throws IOException {
        Matcher port = Pattern.compile("http-port: (\\d+)").matcher(Files.readString(config, UTF_8));
        port.find();
        return Integer.parseInt(port.group(1));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), UTF_8);
        process.waitFor();
        return output;
    }
}
