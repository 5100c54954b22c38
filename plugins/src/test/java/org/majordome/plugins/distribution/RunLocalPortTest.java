package org.majordome.plugins.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.majordome.config.ConfigLoader;

/**
 * {@code MAJORDOME_XMPP_PORT=25222 deploy/run-local.sh} moves the bot with its Prosody: the script exports the
 * variable, and the example configuration takes its port from it, 5222 when it is unset.
 */
class RunLocalPortTest {

    private static final Path DEPLOY = Path.of("..", "deploy").toAbsolutePath().normalize();
    private static final Path EXAMPLE = DEPLOY.resolve("example-bot.yml");

    @Test
    void exampleHardCodedPort5222SoTheBotIgnoredMajordomeXmppPort() throws Exception {
        ConfigLoader moved = new ConfigLoader(Map.of("MAJORDOME_PASSWORD", "secret", "MAJORDOME_WEB_PASSWORD", "web-secret", "MAJORDOME_XMPP_PORT", "25222"));
        ConfigLoader plain = new ConfigLoader(Map.of("MAJORDOME_PASSWORD", "secret", "MAJORDOME_WEB_PASSWORD", "web-secret"));

        assertThat(moved.load(EXAMPLE).connection().port()).isEqualTo(25222);
        assertThat(plain.load(EXAMPLE).connection().port()).isEqualTo(5222);
    }

    @Test
    void runLocalExportsThePortItGivesProsodyToTheBot() throws Exception {
        String script = Files.readString(DEPLOY.resolve("run-local.sh"), StandardCharsets.UTF_8);

        assertThat(script).contains("readonly PORT=${MAJORDOME_XMPP_PORT:-5222}").contains("export MAJORDOME_XMPP_PORT=$PORT");
    }
}
