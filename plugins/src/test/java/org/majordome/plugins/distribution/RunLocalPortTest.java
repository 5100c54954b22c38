package org.majordome.plugins.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.majordome.config.BotConfig;
import org.majordome.config.ConfigLoader;

/**
 * {@code MAJORDOME_XMPP_PORT=25222 deploy/run-local.sh} moves the bot with its Prosody: the example
 * configuration says {@code port: 5222}, so the script runs the bot with a copy naming the chosen port, next
 * to the file so that its relative paths (database, scripts) still point where they did.
 */
class RunLocalPortTest {

    private static final Path DEPLOY = Path.of("..", "deploy").toAbsolutePath().normalize();
    private static final ConfigLoader LOADER = new ConfigLoader(Map.of("MAJORDOME_PASSWORD", "secret"));

    @TempDir
    Path dir;

    /** Sources run-local.sh (which then only defines its functions) and prints the configuration the bot gets. */
    private Path botConfig(Path config, String port) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c",
                ". \"$1\" && config_for_port \"$2\" && printf '%s' \"$bot_config\"", "run-local-test",
                DEPLOY.resolve("run-local.sh").toString(), config.toString()).redirectErrorStream(true);
        builder.environment().put("MAJORDOME_XMPP_PORT", port);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("bash finished").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return Path.of(output);
    }

    @Test
    void exampleHardCodedPort5222SoTheBotIgnoredMajordomeXmppPort() throws Exception {
        Path config = Files.copy(DEPLOY.resolve("example-bot.yml"), dir.resolve("example-bot.yml"));

        Path moved = botConfig(config, "25222");

        assertThat(moved).isEqualTo(dir.resolve(".run-local-example-bot.yml"));
        BotConfig original = LOADER.load(config);
        BotConfig copy = LOADER.load(moved);
        assertThat(original.connection().port()).isEqualTo(5222);
        assertThat(copy.connection().port()).isEqualTo(25222);
        assertThat(copy.connection().host()).isEqualTo(original.connection().host());
        assertThat(copy.runtime()).isEqualTo(original.runtime());
        assertThat(copy.rooms()).isEqualTo(original.rooms());
        assertThat(copy.admins()).isEqualTo(original.admins());
    }

    @Test
    void theFileItselfRunsWhenItNamesThePortAlready() throws Exception {
        Path config = Files.copy(DEPLOY.resolve("example-bot.yml"), dir.resolve("bot.yml"));

        assertThat(botConfig(config, "5222")).isEqualTo(config);
        assertThat(dir.resolve(".run-local-bot.yml")).doesNotExist();
    }

    @Test
    void aConfigurationWithoutPortGetsOneInItsConnectionSection() throws Exception {
        String example = Files.readString(DEPLOY.resolve("example-bot.yml"), StandardCharsets.UTF_8);
        Path config = dir.resolve("bot.yml");
        Files.writeString(config, example.replaceFirst("(?m)^  port: 5222.*\\n(\\s+#.*\\n)*", ""));
        assertThat(LOADER.load(config).connection().port()).isEqualTo(5222);

        assertThat(LOADER.load(botConfig(config, "15222")).connection().port()).isEqualTo(15222);
    }
}
