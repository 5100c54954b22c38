package org.majordome.plugins.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution archive works once unpacked anywhere: its launcher finds a JDK, its class path holds the
 * whole bot, and its example configuration is valid.
 */
class DistributionIT {

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
        Outcome check = launcher(Map.of("MAJORDOME_PASSWORD", "example"), "check-config", "--config", "config/example-bot.yml");

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
    void graalCompilerJarsGoOnTheUpgradeModulePathOnlyWhenPresent() throws Exception {
        Map<String, String> printOnly = Map.of("MAJORDOME_PRINT_COMMAND", "1");
        assertThat(launcher(printOnly, "--version").output()).doesNotContain("upgrade-module-path", "EnableJVMCI");

        Files.createDirectories(home.resolve("lib/graal"));
        Files.writeString(home.resolve("lib/graal/compiler.jar"), "stand-in");
        assertThat(launcher(printOnly, "--version").output())
                .contains("-XX:+EnableJVMCI", "--upgrade-module-path=" + home.resolve("lib/graal"));
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
