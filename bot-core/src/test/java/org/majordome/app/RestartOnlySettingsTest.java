package org.majordome.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.majordome.config.BotConfig;
import org.majordome.config.ConfigLoader;

/** A reload names each setting that waits for a restart, by the key the file gives it. */
class RestartOnlySettingsTest {

    private static final String BASE = """
            connection:
              jid: bot@localhost
              password: secret
            runtime:
              data-directory: data
            """;

    @TempDir
    Path dir;

    private BotConfig load(String yaml) throws Exception {
        return new ConfigLoader(Map.of()).load(Files.writeString(dir.resolve("bot.yml"), yaml));
    }

    @Test
    void aChangedPortDatabaseOrPasswordIsNamedByItsKey() throws Exception {
        BotConfig before = load(BASE);
        BotConfig after = load(BASE.replace("password: secret", "password: other").replace("bot@localhost",
                "bot@localhost\n  port: 5223") + """
                  database:
                    url: jdbc:postgresql://127.0.0.1/majordome
                    user: bot
                monitoring:
                  http-port: 9100
                """);

        assertThat(RestartOnlySettings.changed(before, after)).containsExactly("connection.password",
                "connection.port", "runtime.database", "monitoring.http-port");
        assertThat(RestartOnlySettings.changed(before, load(BASE))).isEmpty();
    }

    @Test
    void joiningOrLeavingAClusterOrRenamingTheInstanceWaitsForARestart() throws Exception {
        String postgres = BASE + """
                  database:
                    url: jdbc:postgresql://127.0.0.1/majordome
                """;
        BotConfig alone = load(postgres);
        BotConfig clustered = load(postgres + "cluster:\n  instance: bot-a\n");

        assertThat(RestartOnlySettings.changed(alone, clustered)).containsExactly("cluster");
        assertThat(RestartOnlySettings.changed(clustered, load(postgres + "cluster:\n  instance: bot-b\n")))
                .containsExactly("cluster");
        assertThat(RestartOnlySettings.changed(clustered, load(postgres + "cluster:\n  instance: bot-a\n"))).isEmpty();
    }

    @Test
    void theWebServerIsRestartOnlyByKeyAndWhole() throws Exception {
        BotConfig without = load(BASE);
        BotConfig on8080 = load(BASE + "web:\n  port: 8080\n");
        BotConfig on8081 = load(BASE + "web:\n  port: 8081\n  chat:\n");

        assertThat(RestartOnlySettings.changed(without, on8080)).containsExactly("web");
        assertThat(RestartOnlySettings.changed(on8080, on8081)).containsExactly("web.port", "web.chat");
        assertThat(RestartOnlySettings.changed(on8080, without)).containsExactly("web");
    }
}
