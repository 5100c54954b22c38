package org.majordome.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The life of one throwaway server process: started in the foreground with its console output appended to
 * {@link #logFile()}, ready once it accepts connections on its c2s port, stopped with SIGTERM (SIGKILL when it
 * does not go), crashed with SIGKILL, frozen with SIGSTOP. The process and every child it made are signalled
 * together, and a shutdown hook kills whatever a test JVM leaves running (crash, Ctrl-C).
 */
abstract class LocalXmppServer implements XmppServer {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    /** Last resort for a test JVM that ends without closing its servers. */
    private static final Set<LocalXmppServer> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> RUNNING.forEach(LocalXmppServer::reap), "xmpp-test-server-reaper"));
    }

    private final Path directory;
    private final Path logFile;
    private final int port;

    private volatile Process process;
    private volatile boolean frozen;

    LocalXmppServer(Path directory, String logFileName) {
        this.directory = directory;
        this.logFile = directory.resolve(logFileName);
        this.port = LocalServers.freePort();
    }

    /** The command line that runs the server in the foreground; asked again at every start. */
    abstract List<String> command();

    /** Variables added to the server's environment. */
    Map<String, String> environment() {
        return Map.of();
    }

    /** Whatever must hold before the server counts as started, once its c2s port accepts connections. */
    void awaitReady() {
    }

    /** The line written to the log before each start, so that a log can be read one start at a time. */
    final String startMarker() {
        return "---- starting " + name() + " ----";
    }

    private String name() {
        return kind().displayName();
    }

    @Override
    public synchronized XmppServer start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name() + " already running (pid " + process.pid() + ")");
        }
        List<String> command = command();
        try {
            LocalServers.appendToLog(logFile, startMarker());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(environment());
            process = builder.start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.get(0), e);
        }
        frozen = false;
        RUNNING.add(this);
        Process started = process;
        await(name() + " accepting connections on port " + port)
                .atMost(START_TIMEOUT)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    if (!started.isAlive()) {
                        throw new IllegalStateException(name() + " exited with code " + started.exitValue()
                                + " while starting; log:\n" + logTail());
                    }
                    return LocalServers.acceptsConnections(port);
                });
        awaitReady();
        return this;
    }

    @Override
    public synchronized void stop() {
        Process running = process;
        if (running == null) {
            return;
        }
        if (frozen) {
            thaw(); // a stopped process cannot act on SIGTERM
        }
        List<ProcessHandle> descendants = running.descendants().toList();
        running.destroy();
        if (!LocalServers.waitForExit(running, LocalServers.STOP_TIMEOUT)) {
            LocalServers.appendToLog(logFile, "---- " + name() + " ignored SIGTERM for "
                    + LocalServers.STOP_TIMEOUT + ", killing it ----");
        }
        LocalServers.killProcessTree(running.toHandle(), descendants);
        forget(running);
    }

    @Override
    public synchronized void kill() {
        Process running = process;
        if (running == null) {
            return;
        }
        LocalServers.killProcessTree(running.toHandle(), running.descendants().toList());
        LocalServers.appendToLog(logFile, "---- " + name() + " killed (SIGKILL) ----");
        forget(running);
    }

    @Override
    public synchronized XmppServer restart() {
        stop();
        return start();
    }

    @Override
    public synchronized void freeze() {
        signal("STOP");
        frozen = true;
    }

    @Override
    public synchronized void thaw() {
        signal("CONT");
        frozen = false;
    }

    @Override
    public boolean isRunning() {
        Process running = process;
        return running != null && running.isAlive();
    }

    @Override
    public int port() {
        return port;
    }

    /** The server's process id while it runs (load harnesses read its CPU time from {@code /proc}). */
    public java.util.OptionalLong pid() {
        Process running = process;
        return running != null && running.isAlive() ? java.util.OptionalLong.of(running.pid())
                : java.util.OptionalLong.empty();
    }

    @Override
    public Path directory() {
        return directory;
    }

    @Override
    public Path logFile() {
        return logFile;
    }

    @Override
    public void close() {
        stop();
        deleteDirectoryUnlessKept();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[127.0.0.1:" + port + ", " + directory + "]";
    }

    boolean frozen() {
        return frozen;
    }

    void appendToLog(String line) {
        LocalServers.appendToLog(logFile, line);
    }

    private void deleteDirectoryUnlessKept() {
        if (!LocalServers.keepDirectories()) {
            LocalServers.deleteRecursively(directory);
        }
    }

    private void forget(Process stopped) {
        if (process == stopped) {
            process = null;
        }
        frozen = false;
        RUNNING.remove(this);
    }

    private void reap() {
        Process running = process;
        if (running != null) {
            LocalServers.killProcessTree(running.toHandle(), running.descendants().toList());
        }
        deleteDirectoryUnlessKept();
    }

    private void signal(String signal) {
        Process running = process;
        if (running == null || !running.isAlive()) {
            throw new IllegalStateException(name() + " is not running");
        }
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal, Long.toString(running.pid())));
        running.descendants().forEach(child -> command.add(Long.toString(child.pid())));
        LocalServers.run(command, directory, Map.of());
    }
}
