package org.majordome.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import org.jxmpp.jid.EntityBareJid;
import org.majordome.plugins.testsupport.BotProcess;
import org.majordome.testing.ProsodyServer;

/**
 * A kicker of {@link KickLatencyHarness} in its own JVM: the bot as users run it (the launcher
 * {@code bin/majordome run --config FILE} of a distribution or of the source checkout, so with the launcher's
 * default JVM options), or the bare Smack client ({@link FloorKickerMain}, stock JVM options). Its CPU time and
 * resident memory come from {@code /proc}.
 */
final class OwnJvmKicker implements AutoCloseable {

    private final String name;
    private final String word;
    private final Process process;
    private final Path log;

    private OwnJvmKicker(String name, String word, Process process, Path log) {
        this.name = name;
        this.word = word;
        this.process = process;
        this.log = log;
        // Not left running when the harness fails half-way.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    }

    String name() {
        return name;
    }

    String word() {
        return word;
    }

    /**
     * Starts the bot with the launcher under {@code home} ({@code home/bin/majordome}) as account {@code user}
     * (a server admin, so owner of every room), in every room with moderation kicking on {@code word}, and waits
     * until its {@code /health/ready} answers 200. The launcher finds this JVM's Java through JAVA_HOME;
     * {@code javaOptions} (e.g. a flight recording, {@code {name}} replaced by the kicker's name) go in
     * MAJORDOME_JAVA_OPTS (a semicolon stands for a space), empty for the launcher's defaults alone.
     */
    static OwnJvmKicker bot(String name, Path home, ProsodyServer server, String user, String word,
                            List<EntityBareJid> rooms, Path work, String javaOptions) throws IOException {
        return bot(name, home, server, user, word, rooms, work, javaOptions, Storage.EMBEDDED);
    }

    /**
     * Where a bot in its own JVM keeps its state: the embedded H2 (the default), or a PostgreSQL database
     * ({@code runtimeYaml}: the {@code database:} keys under {@code runtime:}), alone or as the one instance of a
     * cluster ({@code clusterYaml}: the {@code cluster:} section). An instance of a cluster is ready for the harness
     * once it acts in every room (its {@code /health/ready} names them), not only once it is in those it holds.
     */
    record Storage(String runtimeYaml, String clusterYaml) {
        static final Storage EMBEDDED = new Storage("", "");

        boolean clustered() {
            return !clusterYaml.isEmpty();
        }
    }

    /** As above, with the bot's state in {@code storage}. */
    static OwnJvmKicker bot(String name, Path home, ProsodyServer server, String user, String word,
                            List<EntityBareJid> rooms, Path work, String javaOptions, Storage storage)
            throws IOException {
        server.register(user, "bench-" + user);
        int port = freePort();
        Path directory = Files.createDirectories(work.resolve(name));
        StringBuilder yaml = new StringBuilder("""
                connection:
                  jid: %s@%s
                  password: bench-%s
                  host: %s
                  port: %d
                  tls: disabled
                  nick: %s
                runtime:
                  data-directory: %s
                %smonitoring:
                  http-port: %d
                %srooms:
                """.formatted(user, server.domain(), user, server.host(), server.port(), name,
                directory.resolve("data").toAbsolutePath(), storage.runtimeYaml(), port, storage.clusterYaml()));
        for (EntityBareJid room : rooms) {
            yaml.append("  - jid: ").append(room).append("\n    plugins: [moderation]\n")
                    .append("    config: {title: Latency, description: bench}\n");
        }
        yaml.append("""
                plugins:
                  moderation:
                    flood: {enabled: false}
                    repetition: {enabled: false}
                    links: {enabled: false}
                    mentions: {enabled: false}
                    caps: {enabled: false}
                    nicknames: {enabled: false}
                    join-flood: {enabled: false}
                    words: {words: [%s], action: kick, points: 1, remove-message: false}
                """.formatted(word));
        Path config = directory.resolve("bot.yml");
        Files.writeString(config, yaml, UTF_8);
        Path log = directory.resolve("bot.log");
        ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("bin/majordome").toString(), "run",
                "--config", config.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("JAVA_HOME", javaHome());
        builder.environment().put("MAJORDOME_JAVA_OPTS", javaOptions.replace("{name}", name).replace(';', ' '));
        OwnJvmKicker kicker = new OwnJvmKicker(name, word, builder.start(), log);
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!BotProcess.ready(port) || storage.clustered() && !actingInEveryRoom(port, rooms.size())) {
            if (!kicker.process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " did not get ready:\n" + Files.readString(log, UTF_8));
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        return kicker;
    }

    /** Whether the instance's {@code /health/ready} says it acts in that many rooms (it holds every lease). */
    private static boolean actingInEveryRoom(int port, int rooms) {
        try {
            java.net.http.HttpResponse<String> ready = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/health/ready"))
                            .timeout(Duration.ofSeconds(2)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            return ready.body().contains(", acting in " + rooms + " rooms");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Starts {@link FloorKickerMain} in its own JVM and waits until it is in every room. */
    static OwnJvmKicker floor(String name, ProsodyServer server, String user, String word, boolean quickAck,
                              List<EntityBareJid> rooms, Path work) throws IOException {
        server.register(user, "bench-" + user);
        List<String> command = new ArrayList<>(List.of(Path.of(javaHome(), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), FloorKickerMain.class.getName(), server.host(),
                Integer.toString(server.port()), server.domain(), user, "bench-" + user, word,
                Boolean.toString(quickAck)));
        rooms.forEach(room -> command.add(room.toString()));
        Path log = Files.createDirectories(work.resolve(name)).resolve("floor.log");
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8));
        String line = out.readLine();
        if (!"READY".equals(line)) {
            throw new IllegalStateException(name + " did not get ready: " + line + "\n" + Files.readString(log, UTF_8));
        }
        return new OwnJvmKicker(name, word, process, log);
    }

    /** CPU time used so far (user + system, every thread), in clock ticks (1/100 s), from {@code /proc/<pid>/stat}. */
    long cpuTicks() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Resident memory in KiB, from {@code /proc/<pid>/status}. */
    long residentKilobytes() {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            return lines.filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.substring(6).trim().split("\\s+")[0])).findFirst()
                    .orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        if (process.exitValue() != 0 && process.exitValue() != 143) {
            System.out.println(name + " exited with " + process.exitValue() + "; its log: " + log);
        }
    }

    private static String javaHome() {
        return Path.of(ProcessHandle.current().info().command().orElseThrow()).getParent().getParent().toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
