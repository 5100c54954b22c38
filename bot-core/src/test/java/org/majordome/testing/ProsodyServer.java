package org.majordome.testing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * A throwaway Prosody for one test class: its own directory (config, data, pidfile, log, certificate),
 * c2s on 127.0.0.1 on a free port, no s2s and no HTTP, host {@code localhost} and MUC service
 * {@code conference.localhost}. Settings are chosen for tests (plain connections allowed, generous rate
 * limits), everything else is Prosody's stock behaviour so that tests see what users' servers do.
 *
 * <p>It can be crashed, restarted on the same port with the same data, and frozen, to test how the bot
 * survives a server that goes away or stops answering. No Prosody outlives the test JVM.
 */
public final class ProsodyServer implements AutoCloseable {

    public static final String DOMAIN = "localhost";
    public static final String MUC_SERVICE = "conference.localhost";

    static final String INSTALL_HINT = "Prosody is required for integration tests: install it with "
            + "`sudo apt-get install -y prosody` (Debian/Ubuntu)";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(20);
    private static final List<Path> MODULE_DIRECTORIES =
            List.of(Path.of("/usr/lib/prosody/modules"), Path.of("/usr/local/lib/prosody/modules"));
    private static final AtomicInteger ROOM_COUNTER = new AtomicInteger();

    /** Last resort for a test JVM that ends without closing its servers (crash, Ctrl-C). */
    private static final Set<ProsodyServer> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> RUNNING.forEach(ProsodyServer::reap), "prosody-test-reaper"));
    }

    private final Path prosody;
    private final Path prosodyctl;
    private final Path directory;
    private final Path configFile;
    private final Path logFile;
    private final Optional<Path> certificate;
    private final int port;
    private final boolean mucArchive;

    private volatile Process process;
    private volatile boolean frozen;

    private ProsodyServer(Builder builder) {
        prosody = findExecutable("prosody");
        prosodyctl = findExecutable("prosodyctl");
        try {
            directory = Files.createTempDirectory("majordome-prosody-");
            Files.createDirectories(directory.resolve("data"));
            Files.createDirectories(directory.resolve("certs"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for the test Prosody", e);
        }
        configFile = directory.resolve("prosody.cfg.lua");
        logFile = directory.resolve("prosody.log");
        port = freePort();
        mucArchive = moduleAvailable("muc_mam");
        certificate = generateCertificate(directory.resolve("certs"));
        writeConfig(builder);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A server with the default test configuration, not started yet. */
    public static ProsodyServer create() {
        return builder().build();
    }

    /** Starts Prosody and returns once it accepts connections. */
    public synchronized ProsodyServer start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("Prosody already running (pid " + process.pid() + ")");
        }
        try {
            appendToLog("---- starting Prosody ----");
            ProcessBuilder builder = new ProcessBuilder(prosody.toString(), "-F", "--config", configFile.toString())
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            process = builder.start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + prosody, e);
        }
        frozen = false;
        RUNNING.add(this);
        Process started = process;
        await("Prosody accepting connections on port " + port)
                .atMost(START_TIMEOUT)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    if (!started.isAlive()) {
                        throw new IllegalStateException("Prosody exited with code " + started.exitValue()
                                + " while starting; log:\n" + logTail());
                    }
                    return acceptsConnections();
                });
        return this;
    }

    /** Asks Prosody to shut down (SIGTERM), as an administrator would; kills it when it does not. */
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
        if (!waitForExit(running, STOP_TIMEOUT)) {
            appendToLog("---- Prosody ignored SIGTERM for " + STOP_TIMEOUT + ", killing it ----");
        }
        killProcessTree(running.toHandle(), descendants);
        forget(running);
    }

    /** Crashes Prosody (SIGKILL): no goodbye to clients, sessions are left as a crash leaves them. */
    public synchronized void kill() {
        Process running = process;
        if (running == null) {
            return;
        }
        killProcessTree(running.toHandle(), running.descendants().toList());
        appendToLog("---- Prosody killed (SIGKILL) ----");
        forget(running);
    }

    /** Starts Prosody again on the same port with the same data (stopping it first if it runs). */
    public synchronized ProsodyServer restart() {
        stop();
        return start();
    }

    /** Suspends Prosody (SIGSTOP): connections stay open but nothing is answered, like a hung server. */
    public synchronized void freeze() {
        signal("STOP");
        frozen = true;
    }

    /** Resumes a frozen Prosody (SIGCONT). */
    public synchronized void thaw() {
        signal("CONT");
        frozen = false;
    }

    /** Creates an account (or resets its password); works whether or not the server is running. */
    public void register(String user, String password) {
        runProsodyctl("register", user, DOMAIN, password);
    }

    /** Removes an account. */
    public void unregister(String user) {
        runProsodyctl("deluser", user + "@" + DOMAIN);
    }

    public boolean isRunning() {
        Process running = process;
        return running != null && running.isAlive();
    }

    public int port() {
        return port;
    }

    public String host() {
        return "127.0.0.1";
    }

    public String domain() {
        return DOMAIN;
    }

    public String mucService() {
        return MUC_SERVICE;
    }

    /** Whether the MUC service archives messages (mod_muc_mam was found and enabled). */
    public boolean hasMucArchive() {
        return mucArchive;
    }

    /** The server's self-signed certificate (PEM), for clients that verify TLS; empty without openssl. */
    public Optional<Path> certificate() {
        return certificate;
    }

    public Path directory() {
        return directory;
    }

    public Path configFile() {
        return configFile;
    }

    public Path logFile() {
        return logFile;
    }

    /** A room JID on this server's MUC service that no other test uses. */
    public EntityBareJid uniqueRoom(String hint) {
        String local = hint.toLowerCase().replaceAll("[^a-z0-9-]", "-") + "-" + ROOM_COUNTER.incrementAndGet()
                + "-" + Long.toString(System.nanoTime() & 0xffffff, 36);
        try {
            return JidCreate.entityBareFrom(local + "@" + MUC_SERVICE);
        } catch (XmppStringprepException e) {
            throw new IllegalArgumentException("room hint gives no valid JID: " + hint, e);
        }
    }

    /** The last lines of Prosody's console log, for assertion messages and failure reports. */
    public String logTail() {
        return logTail(60);
    }

    public String logTail(int lines) {
        try {
            if (!Files.exists(logFile)) {
                return "(no log yet)";
            }
            List<String> all = new String(Files.readAllBytes(logFile), UTF_8).lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** Stops the server and deletes its directory, unless {@code -Dmajordome.prosody.keep=true}. */
    @Override
    public void close() {
        stop();
        deleteDirectoryUnlessKept();
    }

    private void deleteDirectoryUnlessKept() {
        if (!Boolean.getBoolean("majordome.prosody.keep")) {
            deleteRecursively(directory);
        }
    }

    @Override
    public String toString() {
        return "ProsodyServer[127.0.0.1:" + port + ", " + directory + "]";
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
            killProcessTree(running.toHandle(), running.descendants().toList());
        }
        deleteDirectoryUnlessKept();
    }

    private static void killProcessTree(ProcessHandle root, List<ProcessHandle> descendants) {
        Stream.concat(Stream.of(root), descendants.stream()).forEach(ProcessHandle::destroyForcibly);
        Stream.concat(Stream.of(root), descendants.stream()).forEach(handle -> waitForExit(handle, STOP_TIMEOUT));
    }

    private static boolean waitForExit(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void waitForExit(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // Still alive after SIGKILL means something outside our control (e.g. uninterruptible I/O);
            // the caller's next start on this port will report it.
        }
    }

    private void signal(String signal) {
        Process running = process;
        if (running == null || !running.isAlive()) {
            throw new IllegalStateException("Prosody is not running");
        }
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal, Long.toString(running.pid())));
        running.descendants().forEach(child -> command.add(Long.toString(child.pid())));
        run(command);
    }

    private boolean acceptsConnections() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getByName(host()), port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private void runProsodyctl(String... arguments) {
        List<String> command = new ArrayList<>(List.of(prosodyctl.toString(), "--config", configFile.toString()));
        command.addAll(Arrays.asList(arguments));
        run(command);
    }

    private String run(List<String> command) {
        try {
            Process child = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
            child.getOutputStream().close();
            String output = new String(child.getInputStream().readAllBytes(), UTF_8);
            if (!waitForExit(child, COMMAND_TIMEOUT)) {
                child.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", command));
            }
            if (child.exitValue() != 0) {
                throw new IllegalStateException("`" + String.join(" ", command) + "` failed with code "
                        + child.exitValue() + ":\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        }
    }

    private void appendToLog(String line) {
        try {
            Files.writeString(logFile, line + "\n", UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path findExecutable(String name) {
        return findExecutable(name, System.getenv().getOrDefault("PATH", ""), Path.of("/usr/bin"));
    }

    /** On the search path, else in the directory Debian's package installs to; else the install hint. */
    static Path findExecutable(String name, String searchPath, Path packageDirectory) {
        return executableOn(searchPath, name)
                .or(() -> Optional.of(packageDirectory.resolve(name)).filter(Files::isExecutable))
                .orElseThrow(() -> new IllegalStateException(INSTALL_HINT + " (`" + name + "` not found)"));
    }

    private static Optional<Path> executableOnPath(String name) {
        return executableOn(System.getenv().getOrDefault("PATH", ""), name);
    }

    private static Optional<Path> executableOn(String searchPath, String name) {
        return Arrays.stream(searchPath.split(":"))
                .filter(entry -> !entry.isEmpty())
                .map(entry -> Path.of(entry, name))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static boolean moduleAvailable(String module) {
        return MODULE_DIRECTORIES.stream().anyMatch(dir -> Files.exists(dir.resolve("mod_" + module + ".lua"))
                || Files.exists(dir.resolve("mod_" + module).resolve("mod_" + module + ".lua")));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    /**
     * A self-signed certificate for localhost and its MUC service, so that Prosody offers STARTTLS as a
     * real server does. Without openssl the server simply offers no TLS.
     */
    private Optional<Path> generateCertificate(Path certs) {
        Path key = certs.resolve(DOMAIN + ".key");
        Path cert = certs.resolve(DOMAIN + ".crt");
        Optional<Path> openssl = executableOnPath("openssl");
        if (openssl.isEmpty()) {
            return Optional.empty();
        }
        run(List.of(openssl.get().toString(), "req", "-x509", "-newkey", "ec", "-pkeyopt",
                "ec_paramgen_curve:prime256v1", "-nodes", "-days", "3650", "-subj", "/CN=" + DOMAIN,
                "-addext", "subjectAltName=DNS:" + DOMAIN + ",DNS:" + MUC_SERVICE,
                "-keyout", key.toString(), "-out", cert.toString()));
        return Optional.of(cert);
    }

    private void writeConfig(Builder builder) {
        List<String> lines = new ArrayList<>();
        lines.add("-- Throwaway Prosody for one test run, generated by " + ProsodyServer.class.getName() + ".");
        lines.add("run_as_root = true -- CI runs tests as root; harmless otherwise");
        lines.add("daemonize = false");
        lines.add("pidfile = " + lua(directory.resolve("prosody.pid")));
        lines.add("data_path = " + lua(directory.resolve("data")));
        lines.add("certificates = " + lua(directory.resolve("certs")));
        lines.add("log = { { levels = { min = " + lua(builder.logLevel) + " }, to = \"console\" } }");
        lines.add("interfaces = { \"127.0.0.1\" }");
        lines.add("local_interfaces = { \"127.0.0.1\" }");
        lines.add("c2s_ports = { " + port + " }");
        lines.add("c2s_direct_tls_ports = { }");
        lines.add("legacy_ssl_ports = { }");
        lines.add("s2s_ports = { }");
        lines.add("component_ports = { }");
        lines.add("http_ports = { }");
        lines.add("https_ports = { }");
        lines.add("modules_enabled = { \"roster\"; \"saslauth\"; \"tls\"; \"disco\"; \"ping\"; \"posix\"; "
                + "\"smacks\"; \"carbons\"; \"limits\"; \"time\"; \"version\" }");
        lines.add("modules_disabled = { \"s2s\" }");
        lines.add("authentication = \"internal_hashed\"");
        lines.add("-- Tests connect without TLS by default; one test proves STARTTLS with the generated certificate.");
        lines.add("c2s_require_encryption = false");
        lines.add("allow_unencrypted_plain_auth = true");
        lines.add("-- Stock Prosody throttles c2s to 10kb/s, which would make timing tests flaky.");
        lines.add("limits = { c2s = { rate = \"10mb/s\"; burst = \"2s\" } }");
        lines.add("network_settings = { }");
        certificate.ifPresent(cert -> lines.add("ssl = { certificate = " + lua(cert) + "; key = "
                + lua(cert.resolveSibling(DOMAIN + ".key")) + " }"));
        lines.add("admins = { }");
        lines.addAll(builder.globalLines);
        lines.add("");
        lines.add("VirtualHost " + lua(DOMAIN));
        lines.add("");
        lines.add("Component " + lua(MUC_SERVICE) + " \"muc\"");
        if (mucArchive) {
            lines.add("  modules_enabled = { \"muc_mam\" }");
        }
        builder.mucLines.forEach(line -> lines.add("  " + line));
        try {
            Files.write(configFile, lines, UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + configFile, e);
        }
    }

    static String lua(Object value) {
        return "\"" + value.toString().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }

    /** Extra configuration for one test class's server. */
    public static final class Builder {
        private final List<String> globalLines = new ArrayList<>();
        private final List<String> mucLines = new ArrayList<>();
        private String logLevel = "info";

        private Builder() {
        }

        /**
         * Lua lines for the global section, after the defaults so they override them, e.g.
         * {@code admins = { "admin@localhost" }} or {@code network_settings = { nagle = false }}.
         */
        public Builder globalConfig(String... lines) {
            globalLines.addAll(List.of(lines));
            return this;
        }

        /** Lua lines for the MUC component, e.g. {@code restrict_room_creation = "admin"}. */
        public Builder mucConfig(String... lines) {
            mucLines.addAll(List.of(lines));
            return this;
        }

        /** Lowest level written to the log: "debug" shows every stanza. */
        public Builder logLevel(String level) {
            logLevel = level;
            return this;
        }

        public ProsodyServer build() {
            return new ProsodyServer(this);
        }
    }
}
