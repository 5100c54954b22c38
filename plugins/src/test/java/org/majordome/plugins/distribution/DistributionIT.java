package org.majordome.plugins.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.majordome.plugins.testsupport.BotProcess;
import org.majordome.testing.ProsodyExtension;
import org.majordome.testing.ProsodyServer;

/**
 * The distribution archive works once unpacked anywhere: its launcher finds a JDK, its class path holds the
 * whole bot, its example configuration is valid, and it runs script plugins compiled (the Graal compiler it
 * ships in lib/graal/ goes on the upgrade module path).
 *
 * <p>Not server-facing: what it proves is the archive, its launcher and its JVM options. The one test that runs the
 * bot needs a server only for the bot to get ready; Prosody serves, and what the bot then does on each server is
 * proven by the both-server ITs (e.g. {@code ScriptPluginsIT} for scripts in rooms).
 */
class DistributionIT {

    /** For the one test that runs the bot: a throwaway server to connect to. */
    @RegisterExtension
    static final ProsodyExtension prosody = new ProsodyExtension(ProsodyServer.builder());

    @TempDir
    Path installDirectory;

    private Path home;

    record Outcome(int exitCode, String output) {
    }

    @BeforeEach
    void unpack() throws Exception {
        Path archive = Path.of(System.getProperty("majordome.distribution"));
        assertThat(archive).as("built by mvn package").exists();
        Outcome untar = run(List.of("tar", "-xzf", archive.toString(), "-C", installDirectory.toString()), Map.of(),
                installDirectory);
        assertThat(untar.exitCode()).as(untar.output()).isZero();
        home = installDirectory.resolve("majordome-" + System.getProperty("majordome.version"));
    }

    @Test
    void theArchiveHasTheLauncherTheClassPathAndTheExampleConfiguration() {
        assertThat(home.resolve("bin/majordome")).isExecutable();
        assertThat(home.resolve("lib/find-java.sh")).isRegularFile();
        assertThat(home.resolve("config/example-bot.yml")).isRegularFile();
        assertThat(home.resolve("lib").toFile().list()).anyMatch(name -> name.startsWith("bot-core-"))
                .anyMatch(name -> name.startsWith("majordome-plugins-")).anyMatch(name -> name.startsWith("smack-tcp-"));
    }

    @Test
    void theExampleConfigurationChecksOut() throws Exception {
        Outcome check = launcher(Map.of("MAJORDOME_PASSWORD", "example", "MAJORDOME_WEB_PASSWORD", "example"), "check-config", "--config", "config/example-bot.yml");

        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("config/example-bot.yml: valid", "majordome@example.org", "core");
    }

    @Test
    void versionNamesTheRelease() throws Exception {
        Outcome version = launcher(Map.of(), "--version");

        assertThat(version.exitCode()).as(version.output()).isZero();
        assertThat(version.output()).contains("Majordome " + System.getProperty("majordome.version"));
    }

    @Test
    void javaOptionsFromTheEnvironmentReachTheJvm() throws Exception {
        Outcome refused = launcher(Map.of("MAJORDOME_JAVA_OPTS", "-XX:+NoSuchOptionForMajordome"), "--version");

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).contains("NoSuchOptionForMajordome");
    }

    @Test
    void theArchiveShipsTheGraalCompilerMatchingThePolyglotRuntime() {
        // The compiler with the modules it requires (its Maven dependencies), at the polyglot runtime's release.
        String polyglot = jarVersion(home.resolve("lib"), "polyglot");
        assertThat(home.resolve("lib/graal").toFile().list()).containsExactlyInAnyOrder("compiler-" + polyglot + ".jar",
                "truffle-compiler-" + polyglot + ".jar", "word-" + polyglot + ".jar", "collections-" + polyglot + ".jar");
    }

    @Test
    void graalCompilerJarsGoOnTheUpgradeModulePathOnlyWhenAskedForAndPresent() throws Exception {
        Map<String, String> printOnly = Map.of("MAJORDOME_PRINT_COMMAND", "1", "JAVA_HOME", System.getProperty("java.home"),
                "MAJORDOME_SCRIPT_COMPILER", "on");
        String shipped = launcher(printOnly, "--version").output();
        if (Runtime.version().feature() >= 25) {
            assertThat(shipped).contains("-XX:+UnlockExperimentalVMOptions", "-XX:+EnableJVMCI",
                    "--upgrade-module-path=" + home.resolve("lib/graal"), "--enable-native-access=ALL-UNNAMED");
        } else {
            assertThat(shipped).as("the shipped compiler is for Java 25+").doesNotContain("EnableJVMCI");
        }

        Map<String, String> byDefault = new java.util.HashMap<>(printOnly);
        byDefault.remove("MAJORDOME_SCRIPT_COMPILER");
        assertThat(launcher(byDefault, "--version").output()).as("the compiler is opt-in")
                .doesNotContain("upgrade-module-path", "EnableJVMCI");

        deleteTree(home.resolve("lib/graal"));
        assertThat(launcher(printOnly, "--version").output()).doesNotContain("upgrade-module-path", "EnableJVMCI");
    }

    /**
     * Issue 15 (footprint): the launcher's defaults are the serial collector, a small initial heap and no Graal
     * compiler, so "run" maps a class-data sharing archive it writes at the first stop, kept where
     * MAJORDOME_CDS_ARCHIVE says (none when empty); never for other commands, nor with the compiler's upgrade
     * module path (which turns class-data sharing off).
     */
    @Test
    void theLauncherRunsLeanWithClassDataSharingByDefault() throws Exception {
        Path archive = installDirectory.resolve("cache/classes.jsa");
        Map<String, String> printOnly = Map.of("MAJORDOME_PRINT_COMMAND", "1", "JAVA_HOME", System.getProperty("java.home"),
                "MAJORDOME_CDS_ARCHIVE", archive.toString());

        String run = launcher(printOnly, "run", "--config", "bot.yml").output();
        assertThat(run).contains("-XX:+UseSerialGC", "-Xms16m", "-XX:+AutoCreateSharedArchive",
                "-XX:SharedArchiveFile=" + archive).doesNotContain("EnableJVMCI", "upgrade-module-path");
        assertThat(launcher(printOnly, "check-config", "--config", "bot.yml").output())
                .contains("-XX:+UseSerialGC").doesNotContain("SharedArchiveFile");

        Map<String, String> noArchive = new java.util.HashMap<>(printOnly);
        noArchive.put("MAJORDOME_CDS_ARCHIVE", "");
        assertThat(launcher(noArchive, "run", "--config", "bot.yml").output()).doesNotContain("SharedArchiveFile");
        if (Runtime.version().feature() >= 25) {
            Map<String, String> compiled = new java.util.HashMap<>(printOnly);
            compiled.put("MAJORDOME_SCRIPT_COMPILER", "on");
            assertThat(launcher(compiled, "run", "--config", "bot.yml").output()).contains("EnableJVMCI")
                    .as("the JVM refuses class-data sharing with an upgrade module path").doesNotContain("SharedArchive");
        }
    }

    /**
     * With MAJORDOME_SCRIPT_COMPILER=on the shipped launcher runs script plugins compiled: on this JDK (25, stock,
     * no Graal compiler of its own) with lib/graal/ GraalJS reports Truffle's optimizing runtime, in one log line,
     * and the bot gets ready (connected to a real Prosody, in its room) with the JVMCI options in place.
     */
    @Test
    void scriptPluginsRunCompiledWithTheShippedLauncher() throws Exception {
        ProsodyServer server = prosody.server();
        Path scripts = Files.createDirectories(installDirectory.resolve("scripts"));
        Files.writeString(scripts.resolve("counter.js"), """
                let seen = 0;
                bot.onEvent('RoomMessageReceived', (event) => { seen++; });
                """);
        int healthPort = freePort();
        Path config = BotProcess.writeConfig(server, installDirectory.resolve("config"), installDirectory.resolve("data"),
                healthPort, Duration.ofSeconds(60), "dispatch:\n  scripts-directory: " + scripts + "\n"
                        + BotProcess.rooms(List.of(server.uniqueRoom("compiled")), "core", "counter"));
        Path log = installDirectory.resolve("bot.log");
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/majordome").toString(), "run", "--config",
                config.toString()).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("MAJORDOME_SCRIPT_COMPILER", "on");
        Process bot = builder.start();
        try {
            bot.getOutputStream().close();
            await().atMost(Duration.ofSeconds(90)).until(() -> BotProcess.ready(healthPort) || !bot.isAlive());
            String output = Files.readString(log);
            assertThat(bot.isAlive()).as(output).isTrue();
            assertThat(output).as("one line about the runtime")
                    .containsOnlyOnce("JavaScript plugins: GraalJS")
                    .contains("JavaScript plugins: GraalJS on the GraalVM CE runtime, compiled")
                    .doesNotContain("interpreted", "fallback runtime", "Truffle log output", "Restricted methods");
        } finally {
            bot.destroy();
            if (!bot.waitFor(20, TimeUnit.SECONDS)) {
                bot.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * The hardened unit from deploy/systemd, pointed at this unpacked archive instead of /opt/majordome:
     * systemd's own checker accepts it, and its offline security review rates it well exposed at most "OK".
     */
    @Test
    void theSystemdUnitVerifies() throws Exception {
        Path unit = installDirectory.resolve("majordome.service");
        Files.writeString(unit, Files.readString(Path.of("../deploy/systemd/majordome.service"))
                .replace("/opt/majordome/", home + "/"));
        Outcome verify;
        try {
            verify = run(List.of("systemd-analyze", "verify", unit.toString()), Map.of(), installDirectory);
        } catch (IOException e) {
            throw new AssertionError("systemd-analyze is needed to check deploy/systemd/majordome.service: "
                    + "install it with 'sudo apt-get install systemd' (.ci/run does)", e);
        }
        assertThat(verify.exitCode()).as(verify.output()).isZero();
        assertThat(verify.output()).as("warnings").isBlank();

        Outcome security = run(List.of("systemd-analyze", "security", "--offline=true", unit.toString()), Map.of(),
                installDirectory);
        java.util.regex.Matcher exposure = java.util.regex.Pattern.compile("Overall exposure level for majordome.service: "
                + "([0-9.]+)").matcher(security.output());
        assertThat(exposure.find()).as(security.output()).isTrue();
        assertThat(Double.parseDouble(exposure.group(1))).as(security.output()).isLessThanOrEqualTo(2.0);
    }

    private static String jarVersion(Path directory, String artifact) {
        String[] names = directory.toFile().list((dir, name) -> name.matches(java.util.regex.Pattern.quote(artifact)
                + "-[0-9][^-]*\\.jar"));
        assertThat(names).as("%s in %s", artifact, directory).hasSize(1);
        return names[0].substring(artifact.length() + 1, names[0].length() - ".jar".length());
    }

    private static void deleteTree(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private Outcome launcher(Map<String, String> environment, String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(home.resolve("bin/majordome").toString()));
        command.addAll(List.of(arguments));
        return run(command, environment, home);
    }

    private static Outcome run(List<String> command, Map<String, String> environment, Path directory)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s ends", command).isTrue();
        return new Outcome(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
