package org.majordome.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.majordome.config.DatabaseConnection;

/**
 * A throwaway PostgreSQL (Debian's {@code postgresql} package): a cluster made by {@code initdb} in a temporary
 * directory, its server run in the foreground (so that the harness owns the process: it can stop it, kill it or
 * freeze it, as it does an XMPP server), listening on 127.0.0.1 only on a free port, its unix socket in the same
 * directory, no password on loopback (trust: nothing but this machine's tests can reach it). Durability is
 * turned off ({@code fsync}, {@code synchronous_commit}): a test never survives a power cut, and the machine is
 * shared.
 *
 * <p>PostgreSQL refuses to run as root. When the tests run as root (CI does), {@code initdb} and the server run
 * as the unprivileged {@code postgres} user that Debian's package creates, through {@code setpriv}, which
 * replaces itself with the command (so that the process the harness signals is the server itself); the
 * directory is given to that user. Missing PostgreSQL fails the test with the install command, never skips it.
 */
public final class PostgresServer implements AutoCloseable {

    static final String INSTALL_HINT = "PostgreSQL is required for these integration tests: install it with "
            + "`sudo apt-get install -y postgresql` (Debian/Ubuntu)";
    /** The superuser {@code initdb} makes; the bot connects as it too (a test database has nothing to protect). */
    public static final String USER = "majordome";

    private static final String UNPRIVILEGED_USER = "postgres";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final AtomicInteger DATABASE_COUNTER = new AtomicInteger();
    private static final Set<PostgresServer> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> RUNNING.forEach(PostgresServer::close), "postgres-test-server-reaper"));
    }

    private final Path directory;
    private final Path dataDirectory;
    private final Path logFile;
    private final Path binaries;
    private final int port;
    private final List<String> runAs;
    private volatile Process process;

    private PostgresServer(Path binaries) {
        this.binaries = binaries;
        this.directory = LocalServers.createDirectory("majordome-postgres-");
        this.dataDirectory = directory.resolve("data");
        this.logFile = directory.resolve("postgres.log");
        this.port = LocalServers.freePort();
        this.runAs = isRoot() ? asUnprivilegedUser(directory) : List.of();
    }

    /** Makes a new cluster and starts its server; fails with the install command when PostgreSQL is missing. */
    public static PostgresServer start() {
        PostgresServer server = new PostgresServer(findBinaries(LocalServers.searchPath(), Path.of("/usr/lib/postgresql")));
        try {
            server.initdb();
            server.startServer();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /**
     * The directory of {@code initdb}, {@code postgres}: where {@code initdb} is on the search path (Debian puts
     * only wrappers there, if anything), else the newest {@code /usr/lib/postgresql/<version>/bin}.
     */
    static Path findBinaries(String searchPath, Path debianRoot) {
        Optional<Path> onPath = Stream.of(searchPath.split(":")).filter(entry -> !entry.isEmpty())
                .map(entry -> Path.of(entry, "initdb")).filter(Files::isExecutable)
                .map(PostgresServer::realPath)
                .filter(initdb -> Files.isExecutable(initdb.resolveSibling("postgres"))).findFirst();
        if (onPath.isPresent()) {
            return onPath.get().getParent();
        }
        try (Stream<Path> versions = Files.isDirectory(debianRoot) ? Files.list(debianRoot) : Stream.empty()) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("postgres")))
                    .max(Comparator.comparing(bin -> versionOf(bin.getParent())))
                    .orElseThrow(() -> new IllegalStateException(INSTALL_HINT + " (`initdb` not found on the search "
                            + "path nor under " + debianRoot + ")"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path;
        }
    }

    private static int versionOf(Path versionDirectory) {
        try {
            return Integer.parseInt(versionDirectory.getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The command prefix that runs a command as the {@code postgres} user; the directory becomes theirs. */
    private static List<String> asUnprivilegedUser(Path directory) {
        Path setpriv = LocalServers.executableOnPath("setpriv").orElse(Path.of("/usr/bin/setpriv"));
        LocalServers.Result user = LocalServers.runForResult(List.of("id", "-u", UNPRIVILEGED_USER), directory, Map.of());
        if (user.exitCode() != 0) {
            throw new IllegalStateException("PostgreSQL refuses to run as root and the tests run as root, but there is "
                    + "no '" + UNPRIVILEGED_USER + "' user to run it as; " + INSTALL_HINT);
        }
        LocalServers.run(List.of("chown", "-R", UNPRIVILEGED_USER + ":", directory.toString()), directory, Map.of());
        return List.of(setpriv.toString(), "--reuid=" + UNPRIVILEGED_USER, "--regid=" + UNPRIVILEGED_USER,
                "--init-groups", "--");
    }

    private List<String> command(String binary, String... arguments) {
        List<String> command = new ArrayList<>(runAs);
        command.add(binaries.resolve(binary).toString());
        command.addAll(List.of(arguments));
        return command;
    }

    private void initdb() {
        LocalServers.run(command("initdb", "--pgdata=" + dataDirectory, "--username=" + USER, "--auth=trust",
                "--encoding=UTF8", "--locale=C", "--no-sync"), directory, Map.of());
    }

    private synchronized void startServer() {
        LocalServers.appendToLog(logFile, "---- starting PostgreSQL ----");
        try {
            ProcessBuilder builder = new ProcessBuilder(command("postgres", "-D", dataDirectory.toString(),
                    "-p", Integer.toString(port), "-c", "listen_addresses=" + LocalServers.LOOPBACK,
                    "-c", "unix_socket_directories=" + directory, "-c", "fsync=off", "-c", "synchronous_commit=off",
                    "-c", "full_page_writes=off", "-c", "max_connections=200"))
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            process = builder.start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binaries.resolve("postgres"), e);
        }
        RUNNING.add(this);
        Process started = process;
        await("PostgreSQL accepting connections on port " + port).atMost(START_TIMEOUT)
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                .ignoreExceptionsInstanceOf(SQLException.class)
                .until(() -> {
                    if (!started.isAlive()) {
                        throw new IllegalStateException("PostgreSQL exited with code " + started.exitValue()
                                + " while starting; log:\n" + LocalServers.logTail(logFile, 40));
                    }
                    try (Connection connection = connect("postgres")) {
                        return connection.isValid(5);
                    }
                });
    }

    /** A new, empty database; its name. */
    public String createDatabase(String hint) {
        String name = hint.toLowerCase().replaceAll("[^a-z0-9]", "_") + "_" + DATABASE_COUNTER.incrementAndGet();
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the database " + name + "; log:\n"
                    + LocalServers.logTail(logFile, 40), e);
        }
        return name;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + LocalServers.LOOPBACK + ":" + port + "/" + database;
    }

    /**
     * What the bot's {@code runtime.database} section would say for this database reached through another local
     * port (a {@link TcpProxy}'s): no statement waits for an answer longer than a few seconds, as an operator whose
     * database may become unreachable would configure it.
     */
    public DatabaseConnection connectionThrough(int localPort, String database) {
        return new DatabaseConnection("jdbc:postgresql://" + LocalServers.LOOPBACK + ":" + localPort + "/" + database
                + "?loginTimeout=5&socketTimeout=10", USER, Optional.empty(), 4);
    }

    /** What the bot's {@code runtime.database} section would say for this database. */
    public DatabaseConnection connection(String database) {
        return new DatabaseConnection(jdbcUrl(database), USER, Optional.empty(), 4);
    }

    /** A plain JDBC connection to a database, as the superuser. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), USER, "");
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return logFile;
    }

    public String logTail(int lines) {
        return LocalServers.logTail(logFile, lines);
    }

    public boolean isRunning() {
        Process running = process;
        return running != null && running.isAlive();
    }

    /** Stops the server (fast shutdown: open sessions are ended) and deletes its directory unless kept. */
    @Override
    public synchronized void close() {
        Process running = process;
        if (running != null) {
            // SIGINT is PostgreSQL's "fast" shutdown; SIGTERM ("smart") would wait for every client to leave.
            LocalServers.runForResult(List.of("kill", "-INT", Long.toString(running.pid())), directory, Map.of());
            if (!LocalServers.waitForExit(running, LocalServers.STOP_TIMEOUT)) {
                LocalServers.appendToLog(logFile, "---- PostgreSQL ignored SIGINT, killing it ----");
            }
            LocalServers.killProcessTree(running.toHandle(), running.descendants().toList());
            process = null;
        }
        RUNNING.remove(this);
        if (!LocalServers.keepDirectories()) {
            LocalServers.deleteRecursively(directory);
        }
    }

    @Override
    public String toString() {
        return "PostgresServer[127.0.0.1:" + port + ", " + directory + "]";
    }
}
