package org.majordome.webchat;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.majordome.config.ConnectionSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's end of one guest host process ({@link GuestHostMain}): starts it under {@code nice} with the bot's own
 * java and class path, hands it the connection settings and the password on its stdin (never on its command line,
 * which every local user can read), writes commands, and reads its events on a platform thread of its own; its log
 * lines (on its stderr) go to the bot's log. The child ends by itself when its stdin closes, so a bot killed without
 * a word leaves no process behind.
 */
final class GuestHost implements AutoCloseable {

    /**
     * How to start a host: the web account's way to the server, the niceness (0: no {@code nice}), the most visitors
     * it may hold (its heap is sized for them), and the class it runs ({@link GuestHostMain}; a stand-in in tests of
     * the life cycle, which have no server).
     */
    record Launch(ConnectionSettings settings, int nice, int visitors, String mainClass) {
        Launch(ConnectionSettings settings, int nice, int visitors) {
            this(settings, nice, visitors, GuestHostMain.class.getName());
        }

        /** Heap: a visitor's session was some 250 KB (RESULTS §14); room for four times that, and the JVM's own. */
        int maxHeapMb() {
            return 128 + visitors;
        }
    }

    /** Told what the host says, on its reader thread: never block. */
    interface Listener {
        void event(GuestHost host, GuestHostVerbs.Received<GuestHostVerbs.Event> event);

        /** The host's stdout ended: it exited ({@code exitCode}) or was killed. The last call. */
        void died(GuestHost host, int exitCode);
    }

    /**
     * A heap that starts small, the serial collector (no GC threads competing with the bot's), small stacks, and an
     * exit on a full heap, after which the bot starts a new host.
     */
    static final List<String> JVM_OPTIONS = List.of("-Xms16m", "-Xss512k", "-XX:+UseSerialGC",
            "-XX:+ExitOnOutOfMemoryError", "-Dmajordome.role=guest-host");
    private static final Logger log = LoggerFactory.getLogger(GuestHost.class);
    private static final long STOP_WAIT_MS = 5_000;

    private final Process process;
    private final Writer stdin;
    private volatile boolean closing;

    private GuestHost(Process process) {
        this.process = process;
        this.stdin = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
    }

    /** Starts a host and gives it its settings; its events go to {@code listener} from now on. */
    static GuestHost start(Launch launch, Listener listener) throws IOException {
        Optional<Path> nice = launch.nice() > 0 ? niceOnPath(System.getenv("PATH")) : Optional.empty();
        if (launch.nice() > 0 && nice.isEmpty()) {
            // Better at the bot's priority than no web chat: a system without nice is told, not refused.
            log.warn("Web chat: there is no 'nice' on the PATH, so the visitors' sessions run at the bot's priority; "
                    + "install it (coreutils), or set web.chat.sessions-nice: 0 to accept that");
        }
        Process process = new ProcessBuilder(command(launch, nice)).start();
        GuestHost host = new GuestHost(process);
        Thread.ofPlatform().name("webchat-host-log").daemon().start(host::forwardLog);
        Thread.ofPlatform().name("webchat-host-reader").daemon().start(() -> host.readEvents(listener));
        try {
            host.writeLine(GuestHostLines.settings(launch.settings()));
        } catch (IOException e) {
            host.close();
            throw e;
        }
        log.info("Web chat: visitors' sessions run in process {} (nice {})", process.pid(),
                nice.isPresent() ? launch.nice() : 0);
        return host;
    }

    /** The {@code nice} program found in a PATH's directories, if any. */
    static Optional<Path> niceOnPath(String path) {
        if (path == null) {
            return Optional.empty();
        }
        return Arrays.stream(path.split(File.pathSeparator)).filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, "nice")).filter(Files::isExecutable).findFirst();
    }

    /** {@code <nice> -n N java <options> -cp <the bot's class path> GuestHostMain}; no nice when it has none. */
    static List<String> command(Launch launch, Optional<Path> nice) {
        List<String> command = new ArrayList<>();
        if (launch.nice() > 0 && nice.isPresent()) {
            command.addAll(List.of(nice.get().toString(), "-n", String.valueOf(launch.nice())));
        }
        // The bot's own java; under a test runner the class path may be one jar whose manifest names the rest.
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(JVM_OPTIONS);
        command.add("-Xmx" + launch.maxHeapMb() + "m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(launch.mainClass());
        return command;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Writes one command for a session, whole, before any other. */
    void send(GuestHostVerbs.Command command, String session, String... arguments) throws IOException {
        writeLine(GuestHostVerbs.line(command, session, arguments));
    }

    private void writeLine(String line) throws IOException {
        synchronized (stdin) {
            stdin.write(line);
            stdin.write('\n');
            stdin.flush();
        }
    }

    /** Closes its stdin (it leaves its rooms and exits), then ends it if it has not within a few seconds. */
    @Override
    public void close() {
        closing = true;
        closeStdin();
        try {
            if (!process.waitFor(STOP_WAIT_MS, TimeUnit.MILLISECONDS)) {
                process.destroy();
                if (!process.waitFor(STOP_WAIT_MS, TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor(STOP_WAIT_MS, TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Closes the host's stdin: it leaves its rooms and exits by itself (as when the bot dies). */
    void closeStdin() {
        try {
            synchronized (stdin) {
                stdin.close();
            }
        } catch (IOException e) {
            // Gone already.
        }
    }

    boolean closing() {
        return closing;
    }

    private void readEvents(Listener listener) {
        try (BufferedReader events = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            while ((line = events.readLine()) != null) {
                try {
                    listener.event(this, GuestHostVerbs.read(GuestHostVerbs.Event.class, GuestHostLines.fields(line)));
                } catch (RuntimeException e) {
                    log.warn("Web chat: an event of the visitors' process failed: {}", e.toString());
                }
            }
        } catch (IOException e) {
            log.debug("Web chat: the visitors' process's output ended: {}", e.toString());
        }
        int exit;
        try {
            if (!process.waitFor(STOP_WAIT_MS, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_WAIT_MS, TimeUnit.MILLISECONDS);
            }
            exit = process.isAlive() ? -1 : process.exitValue();
        } catch (InterruptedException e) {
            exit = -1;
        }
        listener.died(this, exit);
    }

    /** Its log lines, formatted by its own logging, at debug in the bot's log; its warnings and errors at warn. */
    private void forwardLog() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.contains(" WARN ") || line.contains(" ERROR ") || line.startsWith("Exception")
                        || line.startsWith("Error")) {
                    log.warn("Visitors' process {}: {}", process.pid(), line);
                } else {
                    log.debug("Visitors' process {}: {}", process.pid(), line);
                }
            }
        } catch (IOException e) {
            // It ended.
        }
    }
}
