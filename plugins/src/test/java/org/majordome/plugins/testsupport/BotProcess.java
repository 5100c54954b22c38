package org.majordome.plugins.testsupport;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jxmpp.jid.EntityBareJid;
import org.majordome.testing.BotConfigFile;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.XmppServer;

/**
 * The bot as users run it: {@code org.majordome.app.Majordome run --config FILE} in its own JVM, with the
 * built jar and its libraries ({@code target/majordome-plugins-*.jar}, {@code target/lib/*}), so that it can be
 * killed with SIGKILL, and its memory and CPU read from {@code /proc}.
 */
public final class BotProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path log;
    private final int healthPort;

    private BotProcess(Process process, Path log, int healthPort) {
        this.process = process;
        this.log = log;
        this.healthPort = healthPort;
    }

    /**
     * A configuration file for the bot account {@link BotUnderTest#ACCOUNT} on this server (registered here),
     * health endpoint on {@code healthPort}, data in {@code data}; {@code roomsAndPlugins} is the YAML of the
     * {@code rooms:} list and anything after it (e.g. a {@code plugins:} section).
     */
    public static Path writeConfig(XmppServer server, Path directory, Path data, int healthPort, Duration pingInterval,
                                   String roomsAndPlugins) {
        return writeConfig(server, directory, data, healthPort, pingInterval, "", roomsAndPlugins);
    }

    /**
     * As {@link #writeConfig(XmppServer, Path, Path, int, Duration, String)}, with more {@code runtime:} keys
     * ({@code runtimeExtra}: YAML lines indented by two spaces, e.g. a {@code database:} section).
     */
    public static Path writeConfig(XmppServer server, Path directory, Path data, int healthPort, Duration pingInterval,
                                   String runtimeExtra, String roomsAndPlugins) {
        server.register(BotUnderTest.ACCOUNT, BotUnderTest.PASSWORD);
        String yaml = BotConfigFile.connection(server) + """
                  ping-interval: %ds
                  reply-timeout: 5s
                runtime:
                  reconcile-interval: 5m
                  rejoin-backoff-max: 2s
                  data-directory: %s
                """.formatted(pingInterval.toSeconds(), data.toAbsolutePath()) + runtimeExtra + """
                monitoring:
                  http-port: %d
                """.formatted(healthPort) + roomsAndPlugins;
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve("bot.yml");
            Files.writeString(file, yaml, UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code rooms:} list: each room titled, with these plugins. */
    public static String rooms(List<EntityBareJid> rooms, String... plugins) {
        StringBuilder yaml = new StringBuilder("rooms:\n");
        for (EntityBareJid room : rooms) {
            yaml.append("  - jid: ").append(room).append('\n')
                    .append("    plugins: [").append(String.join(", ", plugins)).append("]\n")
                    .append("    config: {title: Room ").append(room.getLocalpart()).append(", persistent: true}\n");
        }
        return yaml.toString();
    }

    /** Starts {@code majordome run --config configFile}; its output goes to {@code bot.log} next to the file. */
    public static BotProcess start(Path configFile, int healthPort, String... jvmOptions) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-XX:+ExitOnOutOfMemoryError"));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", classPath(), "org.majordome.app.Majordome", "run", "--config",
                configFile.toString()));
        Path log = configFile.resolveSibling("bot.log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            process.getOutputStream().close();
            return new BotProcess(process, log, healthPort);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the bot", e);
        }
    }

    /**
     * Starts {@code home/bin/majordome run --config configFile}: the launcher, with its default JVM options, on
     * this JVM's Java (JAVA_HOME), with {@code environment} added (e.g. MAJORDOME_JAVA_OPTS); output to
     * {@code bot.log} next to the file. The launcher's java replaces its shell, so {@link #pid()} is the JVM's.
     */
    public static BotProcess launch(Path home, Path configFile, int healthPort, java.util.Map<String, String> environment) {
        Path log = configFile.resolveSibling("bot.log");
        ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("bin/majordome").toString(), "run", "--config",
                configFile.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("JAVA_HOME", Path.of(ProcessHandle.current().info().command().orElseThrow())
                .getParent().getParent().toString());
        builder.environment().remove("MAJORDOME_JAVA_OPTS");
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            return new BotProcess(process, log, healthPort);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the bot", e);
        }
    }

    /** {@code GET /health/ready} answered 200: connected, in every configured room and done configuring it. */
    public boolean ready() {
        return ready(healthPort);
    }

    /** {@code GET /health/ready} on {@code 127.0.0.1:healthPort} answered 200, for a bot started otherwise. */
    public static boolean ready(int healthPort) {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + healthPort + "/health/ready")).timeout(Duration.ofSeconds(2))
                    .build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no goodbye, no shutdown hook, what a crash or the OOM killer does. */
    public void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /** SIGSTOP: the process is frozen as a whole (a paused VM, a long stall), its sockets left open. */
    public void pause() {
        signal("STOP");
    }

    /** SIGCONT after {@link #pause()}: the process goes on where it stopped, its clocks having moved on. */
    public void resume() {
        signal("CONT");
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
            if (!kill.waitFor(20, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGTERM: the bot leaves its rooms and exits. */
    public void stop() {
        process.destroy();
        if (!waitFor()) {
            kill();
        }
    }

    /** Resident memory, from {@code /proc/<pid>/status}. */
    public long residentKilobytes() {
        return procStatus("VmRSS:").orElse(-1L);
    }

    /** CPU time used so far (user + system), in clock ticks (1/100 s on Linux), from {@code /proc/<pid>/stat}. */
    public long cpuTicks() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String logText() {
        try {
            return Files.exists(log) ? Files.readString(log, UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }

    private boolean waitFor() {
        try {
            return process.waitFor(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Optional<Long> procStatus(String field) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            return lines.filter(line -> line.startsWith(field))
                    .map(line -> Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0])).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The built jar and its libraries when packaged (as the distribution has them), else this JVM's class path. */
    private static String classPath() {
        Path target = Path.of("target");
        try (Stream<Path> jars = Files.list(target)) {
            Optional<Path> jar = jars.filter(path -> path.getFileName().toString().matches("majordome-plugins-.*\\.jar"))
                    .findFirst();
            if (jar.isPresent() && Files.isDirectory(target.resolve("lib"))) {
                return jar.get().toAbsolutePath() + File.pathSeparator + target.resolve("lib").toAbsolutePath()
                        + File.separator + "*";
            }
        } catch (IOException e) {
            // not packaged: fall through
        }
        return System.getProperty("java.class.path");
    }
}
