package org.majordome.testing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A throwaway Prosody for one test class: its own directory (config, data, pidfile, log, certificate),
 * c2s on 127.0.0.1 on a free port, no s2s and no HTTP, host {@code localhost}, MUC service
 * {@code conference.localhost} and publish-subscribe service {@code pubsub.localhost}. Settings are chosen for tests (plain connections allowed, generous rate
 * limits), everything else is Prosody's stock behaviour so that tests see what users' servers do.
 *
 * <p>It can be crashed, restarted on the same port with the same data, and frozen, to test how the bot
 * survives a server that goes away or stops answering. No Prosody outlives the test JVM.
 */
public final class ProsodyServer extends LocalXmppServer {

    public static final String DOMAIN = XmppServer.DOMAIN;
    public static final String MUC_SERVICE = XmppServer.MUC_SERVICE;
    public static final String PUBSUB_SERVICE = XmppServer.PUBSUB_SERVICE;

    static final String INSTALL_HINT = "Prosody is required for integration tests: install it with "
            + "`sudo apt-get install -y prosody` (Debian/Ubuntu)";

    static final String MODERATION_HINT = "XEP-0425 message moderation on Prosody needs the community modules "
            + "mod_muc_moderation and mod_muc_mam: install them with `sudo apt-get install -y prosody-modules` "
            + "(Debian/Ubuntu)";

    private static final List<Path> MODULE_DIRECTORIES =
            List.of(Path.of("/usr/lib/prosody/modules"), Path.of("/usr/local/lib/prosody/modules"));

    private final Path prosody;
    private final Path prosodyctl;
    private final Path configFile;
    private final Optional<Path> certificate;
    private final boolean mucArchive;
    /** The HTTP port serving BOSH, 0 without it. */
    private final int boshPort;

    private ProsodyServer(Builder builder) {
        super(LocalServers.createDirectory("majordome-prosody-", "data", "certs"), "prosody.log");
        prosody = findExecutable("prosody");
        prosodyctl = findExecutable("prosodyctl");
        configFile = directory().resolve("prosody.cfg.lua");
        if (builder.messageModeration) {
            requireModules(MODULE_DIRECTORIES, "muc_mam", "muc_moderation");
        }
        mucArchive = moduleAvailable("muc_mam");
        boshPort = builder.boshPort;
        certificate = LocalServers.generateCertificate(directory().resolve("certs"), DOMAIN, MUC_SERVICE);
        writeConfig(builder);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A server with the default test configuration, not started yet. */
    public static ProsodyServer create() {
        return builder().build();
    }

    @Override
    public ServerKind kind() {
        return ServerKind.PROSODY;
    }

    @Override
    List<String> command() {
        return List.of(prosody.toString(), "-F", "--config", configFile.toString());
    }

    /** Starts Prosody and returns once it accepts connections. */
    @Override
    public synchronized ProsodyServer start() {
        super.start();
        return this;
    }

    /** Starts Prosody again on the same port with the same data (stopping it first if it runs). */
    @Override
    public synchronized ProsodyServer restart() {
        super.restart();
        return this;
    }

    /** Creates an account (or resets its password); works whether or not the server is running. */
    @Override
    public void register(String user, String password) {
        runProsodyctl("register", user, DOMAIN, password);
    }

    @Override
    public void unregister(String user) {
        runProsodyctl("deluser", user + "@" + DOMAIN);
    }

    /** Whether the MUC service archives messages (mod_muc_mam was found and enabled). */
    @Override
    public boolean hasMucArchive() {
        return mucArchive;
    }

    @Override
    public Optional<URI> boshUrl() {
        return boshPort == 0 ? Optional.empty() : Optional.of(URI.create("http://127.0.0.1:" + boshPort + "/http-bind"));
    }

    /** With BOSH, its HTTP port accepts connections too. */
    @Override
    void awaitReady() {
        if (boshPort != 0) {
            await("Prosody's HTTP port " + boshPort).atMost(Duration.ofSeconds(120)).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(20)).until(() -> LocalServers.acceptsConnections(boshPort));
        }
    }

    @Override
    public Optional<Path> certificate() {
        return certificate;
    }

    public Path configFile() {
        return configFile;
    }

    private void runProsodyctl(String... arguments) {
        List<String> command = new ArrayList<>(List.of(prosodyctl.toString(), "--config", configFile.toString()));
        command.addAll(Arrays.asList(arguments));
        LocalServers.run(command, directory(), Map.of());
    }

    private static Path findExecutable(String name) {
        return findExecutable(name, LocalServers.searchPath(), Path.of("/usr/bin"));
    }

    /** On the search path, else in the directory Debian's package installs to; else the install hint. */
    static Path findExecutable(String name, String searchPath, Path packageDirectory) {
        return LocalServers.findExecutable(name, searchPath, packageDirectory, INSTALL_HINT);
    }

    private static boolean moduleAvailable(String module) {
        return moduleAvailable(MODULE_DIRECTORIES, module);
    }

    private static boolean moduleAvailable(List<Path> directories, String module) {
        return directories.stream().anyMatch(dir -> Files.exists(dir.resolve("mod_" + module + ".lua"))
                || Files.exists(dir.resolve("mod_" + module).resolve("mod_" + module + ".lua")));
    }

    /** A test that asks for message moderation fails, never silently runs without it. */
    static void requireModules(List<Path> directories, String... modules) {
        List<String> missing = Arrays.stream(modules).filter(module -> !moduleAvailable(directories, module)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException(MODERATION_HINT + " (missing: " + String.join(", ", missing)
                    + " under " + directories + ")");
        }
    }

    private void writeConfig(Builder builder) {
        try {
            Files.write(configFile, configLines(builder, directory(), port(), certificate, mucArchive), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + configFile, e);
        }
    }

    /** The {@code prosody.cfg.lua} of a test server (read by {@code DeployExamplesTest} too). */
    static List<String> configLines(Builder builder, Path directory, int port, Optional<Path> certificate,
                                    boolean mucArchive) {
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
        if (builder.boshPort == 0) {
            lines.add("http_ports = { }");
        } else {
            lines.add("http_ports = { " + builder.boshPort + " }");
            lines.add("http_interfaces = { \"127.0.0.1\" }");
            lines.add("http_default_host = " + lua(DOMAIN));
            lines.add("-- Plain HTTP on loopback: without this, Prosody would refuse to authenticate over it.");
            lines.add("consider_bosh_secure = true");
        }
        lines.add("https_ports = { }");
        lines.add("modules_enabled = { \"roster\"; \"saslauth\"; \"tls\"; \"disco\"; \"ping\"; \"posix\"; "
                + "\"smacks\"; \"carbons\"; \"limits\"; \"time\"; \"version\""
                + (builder.boshPort == 0 ? "" : "; \"bosh\"") + " }");
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
        // As deploy/prosody/majordome-server.cfg.lua says (DeployExamplesTest compares them).
        lines.add("  component_admins_as_room_owners = true");
        if (builder.messageModeration || mucArchive) {
            // mod_muc_moderation finds the message to remove in the room's archive.
            lines.add(builder.messageModeration ? "  modules_enabled = { \"muc_mam\", \"muc_moderation\" }"
                    : "  modules_enabled = { \"muc_mam\" }");
            lines.add("  muc_log_by_default = true");
            lines.add("  muc_log_expires_after = \"1w\"");
        }
        builder.mucLines.forEach(line -> lines.add("  " + line));
        lines.add("");
        // Block lists (XEP-0060 nodes) the bot follows and publishes; as deploy/prosody/majordome-server.cfg.lua says.
        lines.add("Component " + lua(PUBSUB_SERVICE) + " \"pubsub\"");
        lines.add("  admins = { " + String.join(", ", builder.pubsubOwners.stream().map(user -> lua(user + "@" + DOMAIN))
                .toList()) + " }");
        return lines;
    }

    static String lua(Object value) {
        return "\"" + value.toString().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    /** Extra configuration for one test class's server. */
    public static final class Builder {
        private final List<String> globalLines = new ArrayList<>();
        private final List<String> mucLines = new ArrayList<>();
        private final List<String> pubsubOwners = new ArrayList<>();
        private String logLevel = "info";
        private boolean messageModeration;
        private int boshPort;

        private Builder() {
        }

        /** Loads {@code mod_bosh} with HTTP on a free loopback port ({@link XmppServer#boshUrl()}). */
        public Builder bosh() {
            boshPort = LocalServers.freePort();
            return this;
        }

        /**
         * Rooms offer XEP-0425 message moderation: the MUC component loads the community module
         * {@code mod_muc_moderation} (Debian package {@code prosody-modules}) with {@code mod_muc_mam}, whose
         * archive it needs to find the message. Without the modules the server is not built: the error says
         * how to install them.
         */
        public Builder messageModeration() {
            messageModeration = true;
            return this;
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

        /** Server admins ({@code user@localhost}), whom Prosody makes owners of every room. */
        public Builder admins(String... users) {
            return globalConfig("admins = { " + String.join(", ",
                    Arrays.stream(users).map(user -> lua(user + "@" + DOMAIN)).toList()) + " }");
        }

        /**
         * Users ({@code user@localhost}) who may create nodes on {@code pubsub.localhost}: Prosody lets only the
         * component's admins create nodes (a node's creator then owns it).
         */
        public Builder pubsubOwners(String... users) {
            pubsubOwners.addAll(List.of(users));
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
