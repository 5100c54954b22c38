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
 * Arguments: {@code small=10 large=1000 occupants=10 runs=5 idle=30 heap=} (e.g. {@code heap=256m} for -Xmx;
 * {@code large=0} skips the scale part).
 * <p>
 * With {@code launch=name=home[@VAR=value...],...} the start-up part runs instead each variant through a launcher
 * ({@code home/bin/majordome run}, e.g. {@code ../deploy} for this checkout's, or an unpacked older distribution),
 * with its default JVM options and the environment given, the variants interleaved run after run, each with a
 * configuration and data of its own; a semicolon in a value stands for a space.
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
            String launch = options.text("launch", "");
            if (!launch.isBlank()) {
                launched(server, work, smallRooms, launch, runs, idleSeconds, report);
            }
            Path smallConfig = launch.isBlank() ? BotProcess.writeConfig(server, work.resolve("small"), work.resolve("small/data"),
                    freePort(), Duration.ofSeconds(60), BotProcess.rooms(smallRooms, "core", "moderation")) : null;
            List<Long> startups = new ArrayList<>();
            Footprint smallFootprint = null;
            for (int i = 0; i <= runs && smallConfig != null; i++) {
                try (BotProcess bot = BotProcess.start(smallConfig, port(smallConfig), jvm)) {
                    startups.add(timeToReady(bot));
                    if (i == runs) {
                        smallFootprint = footprint(bot, idleSeconds);
                    }
                }
            }
            if (smallConfig != null) {
                report.add(String.format("Start-up, process start -> ready, %d rooms: first start (creates and "
                        + "configures them) %d ms; restarts %s ms", small, startups.getFirst(),
                        startups.subList(1, startups.size())));
            }
            if (large == 0 || smallFootprint == null) {
                System.out.printf("%nMachine: %d cores, %s %s%n", Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.vm.name"), System.getProperty("java.version"));
                report.forEach(System.out::println);
                return;
            }

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

    /** The start-up part for each launcher variant, interleaved: restart after restart, one variant after the other. */
    private static void launched(ProsodyServer server, Path work, List<EntityBareJid> rooms, String launch, int runs,
                                 int idleSeconds, List<String> report) throws Exception {
        List<String> names = new ArrayList<>();
        List<Path> homes = new ArrayList<>();
        List<java.util.Map<String, String>> environments = new ArrayList<>();
        List<Path> configs = new ArrayList<>();
        for (String variant : launch.split(",")) {
            String[] parts = variant.split("@");
            String[] nameAndHome = parts[0].split("=", 2);
            java.util.Map<String, String> environment = new java.util.LinkedHashMap<>();
            for (int i = 1; i < parts.length; i++) {
                String[] assignment = parts[i].split("=", 2);
                environment.put(assignment[0], assignment[1].replace(';', ' '));
            }
            names.add(nameAndHome[0]);
            homes.add(Path.of(nameAndHome[1]));
            environments.add(environment);
            // Rooms shared by the variants (their configurations agree); an account and data of each variant's own.
            configs.add(BotProcess.writeConfig(server, work.resolve(nameAndHome[0]),
                    work.resolve(nameAndHome[0]).resolve("data"), freePort(), Duration.ofSeconds(60),
                    BotProcess.rooms(rooms, "core", "moderation")));
        }
        List<List<Long>> startups = new ArrayList<>();
        names.forEach(name -> startups.add(new ArrayList<>()));
        List<Footprint> footprints = new ArrayList<>(java.util.Collections.nCopies(names.size(), null));
        for (int run = 0; run <= runs; run++) {
            for (int v = 0; v < names.size(); v++) {
                try (BotProcess bot = BotProcess.launch(homes.get(v), configs.get(v), port(configs.get(v)),
                        environments.get(v))) {
                    startups.get(v).add(timeToReady(bot));
                    if (run == runs) {
                        footprints.set(v, footprint(bot, idleSeconds));
                    }
                }
            }
        }
        for (int v = 0; v < names.size(); v++) {
            List<Long> times = startups.get(v);
            report.add(String.format("%s (%s %s): start -> ready, %d rooms: first start %d ms; restarts %s ms; "
                    + "median restart %d ms", names.get(v), homes.get(v), environments.get(v), rooms.size(),
                    times.getFirst(), times.subList(1, times.size()),
                    times.subList(1, times.size()).stream().sorted().toList().get((times.size() - 1) / 2)));
            report.add("  " + footprints.get(v).describe(rooms.size()));
        }
    }

    private record Footprint(long heapKb, long rssKb, double idleCpuPercent, long restingRssKb) {
        String describe(int rooms) {
            return String.format("%d rooms: heap after full GC %d KB, RSS %d KB (at rest, before that GC: %d KB), "
                    + "idle CPU %.2f %% of one core", rooms, heapKb, rssKb, restingRssKb, idleCpuPercent);
        }
    }

    private static Footprint footprint(BotProcess bot, int idleSeconds) throws Exception {
        settle(Duration.ofSeconds(5));
        long ticksBefore = bot.cpuTicks();
        long startedAt = System.nanoTime();
        settle(Duration.ofSeconds(idleSeconds));
        double seconds = (System.nanoTime() - startedAt) / 1e9;
        double idleCpu = (bot.cpuTicks() - ticksBefore) / 100.0 / seconds * 100.0;
        long resting = bot.residentKilobytes();
        String jcmd = Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("jcmd").toString();
        run(jcmd, Long.toString(bot.pid()), "GC.run");
        String heapInfo = run(jcmd, Long.toString(bot.pid()), "GC.heap_info");
        // G1: one "heap total ..K, used ..K" line; the serial collector: one per generation (young, tenured).
        Matcher used = Pattern.compile("(?:heap|generation)\\s+total \\d+K, used (\\d+)K").matcher(heapInfo);
        long heapKb = 0;
        while (used.find()) {
            heapKb += Long.parseLong(used.group(1));
        }
        return new Footprint(heapKb, bot.residentKilobytes(), idleCpu, resting);
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
