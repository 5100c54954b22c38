package org.majordome.testing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A throwaway ejabberd (Debian's 23.01 package) for one test class: its own directory (config, Mnesia
 * spool, logs, certificate, {@code HOME}), c2s on 127.0.0.1 on a free port, no s2s, no HTTP, host
 * {@code localhost} and MUC service {@code conference.localhost}. Settings are chosen for tests (plain
 * connections allowed, no shapers, no fail2ban), the rest follows Debian's example configuration so that
 * tests see what users' servers do.
 *
 * <p>An ejabberd is an Erlang node, and a private one must not meet any other: no epmd daemon is started
 * or asked ({@code -start_epmd false}, {@code -erl_epmd_port}: the node listens for Erlang distribution on a
 * port of its own, bound to 127.0.0.1), and every instance has a node name and a cookie of its own.
 * Accounts are made the way {@code ejabberdctl} makes them: a short-lived hidden Erlang node that runs
 * {@code ejabberd_ctl} against this node. The node and the control node are started with {@code erl}
 * directly, exactly as Debian's {@code ejabberdctl} script starts them, because that script switches to the
 * {@code ejabberd} system user (and refuses any other user): the test server runs as whoever runs the tests.
 * Accounts therefore need the server running.
 */
public final class EjabberdServer extends LocalXmppServer {

    static final String INSTALL_HINT = "ejabberd is required for integration tests: install it with "
            + "`sudo apt-get install -y ejabberd` (Debian/Ubuntu), then stop its system service "
            + "(`sudo systemctl disable --now ejabberd`)";

    private static final Pattern SCRIPT_VARIABLE = Pattern.compile("(?m)^(ERL|ERL_LIBS)=['\"]?([^'\"\\s]+)['\"]?\\s*$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path erl;
    private final Optional<String> erlLibs;
    private final String node;
    private final String cookie;
    private final Path configFile;
    private final Optional<Path> certificate;
    private final Optional<URI> boshUrl;
    /** Accounts this instance made with their password, so that a client connecting again costs no ctl run. */
    private final Map<String, String> accounts = new ConcurrentHashMap<>();
    private volatile int distributionPort;

    private EjabberdServer(Builder builder) {
        super(LocalServers.createDirectory("majordome-ejabberd-", "db", "log", "certs"), "ejabberd.log");
        Path ejabberdctl = findExecutable("ejabberdctl", LocalServers.searchPath() + ":/usr/sbin", Path.of("/usr/sbin"));
        Map<String, String> script = scriptVariables(ejabberdctl);
        erl = Optional.ofNullable(script.get("ERL")).map(Path::of).filter(Files::isExecutable)
                .or(() -> LocalServers.executableOnPath("erl"))
                .orElseThrow(() -> new IllegalStateException(INSTALL_HINT + " (`erl` not found)"));
        erlLibs = Optional.ofNullable(script.get("ERL_LIBS"));
        String id = randomHex(6);
        node = "majordome-" + id + "@localhost";
        cookie = "cookie-" + randomHex(16);
        configFile = directory().resolve("ejabberd.yml");
        certificate = LocalServers.generateCertificate(directory().resolve("certs"), DOMAIN, MUC_SERVICE);
        boshUrl = builder.boshPort == 0 ? Optional.empty()
                : Optional.of(URI.create("http://127.0.0.1:" + builder.boshPort + EjabberdConfig.BOSH_PATH));
        writeFile(directory().resolve("inetrc"), List.of("{lookup,[\"file\",\"native\"]}.",
                "{host,{127,0,0,1}, [\"localhost\"]}."));
        writeFile(configFile, EjabberdConfig.lines(builder, port(), certificate));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A server with the default test configuration, not started yet. */
    public static EjabberdServer create() {
        return builder().build();
    }

    @Override
    public ServerKind kind() {
        return ServerKind.EJABBERD;
    }

    /** The port the node listens on for Erlang distribution (127.0.0.1 only); a new one at each start. */
    int distributionPort() {
        return distributionPort;
    }

    /** The Erlang node name, unique to this instance. */
    public String node() {
        return node;
    }

    @Override
    List<String> command() {
        // A fresh distribution port at each start: a crashed node's port may linger in TIME_WAIT.
        distributionPort = LocalServers.freePort();
        List<String> command = erlNode(node);
        command.addAll(List.of("+K", "true", "+P", "250000",
                "-kernel", "inet_dist_use_interface", "{127,0,0,1}",
                "-mnesia", "dir", "\"" + directory().resolve("db") + "\"",
                "-s", "ejabberd", "-noinput"));
        return command;
    }

    @Override
    Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("HOME", directory().toString());
        environment.put("EJABBERD_CONFIG_PATH", configFile.toString());
        environment.put("EJABBERD_LOG_PATH", directory().resolve("log").resolve("ejabberd.log").toString());
        environment.put("ERL_INETRC", directory().resolve("inetrc").toString());
        environment.put("ERL_CRASH_DUMP", directory().resolve("log").resolve("erl_crash.dump").toString());
        environment.put("ERL_CRASH_DUMP_BYTES", "0");
        erlLibs.ifPresent(libs -> environment.put("ERL_LIBS", libs));
        return environment;
    }

    /**
     * The c2s port may accept before Mnesia has loaded every table after a crash; ejabberd says when it is
     * started, and {@link #register} waits for a table still loading.
     */
    @Override
    void awaitReady() {
        String started = "is started in the node '" + node + "'";
        await("ejabberd node " + node + " started").atMost(Duration.ofSeconds(120)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    String log = Files.readString(logFile(), UTF_8);
                    return log.substring(log.lastIndexOf(startMarker())).contains(started);
                });
    }

    @Override
    public synchronized EjabberdServer start() {
        super.start();
        return this;
    }

    @Override
    public synchronized EjabberdServer restart() {
        super.restart();
        return this;
    }

    /**
     * Crashes ejabberd (SIGKILL) as {@link XmppServer#kill()} says, once Mnesia has written its transaction log
     * to disk: Mnesia logs commits asynchronously, and an account registered a moment before a crash would be
     * gone after the restart, which tests the harness, not the bot.
     */
    @Override
    public synchronized void kill() {
        if (isRunning() && !frozen()) {
            eval("ok = rpc:call('" + node + "', mnesia, sync_log, [])");
        } else {
            accounts.clear(); // made again on the next connect
        }
        super.kill();
    }

    /** Creates an account or resets its password; the server must be running. */
    @Override
    public void register(String user, String password) {
        if (password.equals(accounts.get(user))) {
            return;
        }
        LocalServers.Result registered = untilTablesLoaded(() -> ctl("register", user, DOMAIN, password));
        if (registered.exitCode() != 0) {
            if (!registered.output().contains("already registered")) {
                throw new IllegalStateException("ejabberdctl register " + user + " failed with code "
                        + registered.exitCode() + ":\n" + registered.output());
            }
            checked(ctl("change_password", user, DOMAIN, password), "change_password " + user);
        }
        accounts.put(user, password);
    }

    @Override
    public void unregister(String user) {
        accounts.remove(user);
        checked(ctl("unregister", user, DOMAIN), "unregister " + user);
    }

    /** Runs a control command again while Mnesia says a table is not there yet (loading after a restart). */
    private static LocalServers.Result untilTablesLoaded(Supplier<LocalServers.Result> command) {
        AtomicReference<LocalServers.Result> last = new AtomicReference<>();
        await("Mnesia tables loaded").atMost(Duration.ofSeconds(120)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    last.set(command.get());
                    return !last.get().output().contains("no_exists");
                });
        return last.get();
    }

    /**
     * Runs an {@code ejabberdctl} command against this node and returns its output, e.g.
     * {@code control("create_room", room, service, host)}; fails with the output when the command fails.
     */
    public String control(String... arguments) {
        return checked(ctl(arguments), String.join(" ", arguments));
    }

    /** mod_mam is on and rooms archive by default, as in Debian's example configuration. */
    @Override
    public boolean hasMucArchive() {
        return true;
    }

    @Override
    public Optional<URI> boshUrl() {
        return boshUrl;
    }

    @Override
    public Optional<Path> certificate() {
        return certificate;
    }

    public Path configFile() {
        return configFile;
    }

    private LocalServers.Result ctl(String... arguments) {
        if (!isRunning()) {
            throw new IllegalStateException("ejabberd is not running: ejabberdctl needs the node");
        }
        List<String> command = erlNode(controlNodeName());
        command.addAll(List.of("-dist_listen", "false", "-hidden", "-noinput", "-s", "ejabberd_ctl", "-extra", node));
        command.addAll(Arrays.asList(arguments));
        return LocalServers.runForResult(command, directory(), environment());
    }

    /** Evaluates an Erlang expression on a hidden control node connected to this one; fails when it fails. */
    private void eval(String expression) {
        List<String> command = erlNode(controlNodeName());
        command.addAll(List.of("-dist_listen", "false", "-hidden", "-noinput", "-eval",
                "try " + expression + ", halt(0) catch _:Reason -> io:format(\"~p~n\", [Reason]), halt(1) end."));
        LocalServers.run(command, directory(), environment());
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static String controlNodeName() {
        return "ctl-" + randomHex(4) + "@localhost";
    }

    private List<String> erlNode(String name) {
        return new ArrayList<>(List.of(erl.toString(), "-sname", name, "-setcookie", cookie,
                "-erl_epmd_port", Integer.toString(distributionPort), "-start_epmd", "false"));
    }

    private static String checked(LocalServers.Result result, String what) {
        if (result.exitCode() != 0) {
            throw new IllegalStateException("ejabberdctl " + what + " failed with code " + result.exitCode() + ":\n"
                    + result.output());
        }
        return result.output();
    }

    static Path findExecutable(String name, String searchPath, Path packageDirectory) {
        return LocalServers.findExecutable(name, searchPath, packageDirectory, INSTALL_HINT);
    }

    /** Where Debian's ejabberdctl finds {@code erl} and ejabberd's Erlang libraries (architecture dependent). */
    static Map<String, String> scriptVariables(Path ejabberdctl) {
        Map<String, String> variables = new LinkedHashMap<>();
        try {
            Matcher matcher = SCRIPT_VARIABLE.matcher(Files.readString(ejabberdctl, UTF_8));
            while (matcher.find()) {
                variables.putIfAbsent(matcher.group(1), matcher.group(2));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ejabberdctl, e);
        }
        return variables;
    }

    private static void writeFile(Path file, List<String> lines) {
        try {
            Files.write(file, lines, UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Extra configuration for one test class's server. */
    public static final class Builder {
        final List<String> admins = new ArrayList<>();
        final List<String> globalLines = new ArrayList<>();
        final List<String> mucLines = new ArrayList<>();
        String logLevel = "info";
        /** The HTTP port serving BOSH, 0 without it. */
        int boshPort;

        private Builder() {
        }

        /** An {@code ejabberd_http} listener with {@code mod_bosh} on a free loopback port ({@link EjabberdServer#boshUrl()}). */
        public Builder bosh() {
            boshPort = LocalServers.freePort();
            return this;
        }

        /** Server admins ({@code user@localhost}); {@code access_admin} makes them owners of every room. */
        public Builder admins(String... users) {
            admins.addAll(List.of(users));
            return this;
        }

        /** Top-level YAML lines, after the defaults (a key given twice is an error in ejabberd). */
        public Builder globalConfig(String... lines) {
            globalLines.addAll(List.of(lines));
            return this;
        }

        /** YAML lines for {@code mod_muc}'s options, without indentation, e.g. {@code history_size: 5}. */
        public Builder mucConfig(String... lines) {
            mucLines.addAll(List.of(lines));
            return this;
        }

        /** Lowest level written to the log: "debug" shows every stanza. */
        public Builder logLevel(String level) {
            logLevel = level;
            return this;
        }

        public EjabberdServer build() {
            return new EjabberdServer(this);
        }
    }
}
