package org.majordome.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code web.console:} section: the operator console, off unless enabled. */
class ConsoleConfigTest {

    private static final String CONNECTION = """
            connection:
              jid: bot@localhost
              password: secret
            web:
              port: 8080
            """;

    @TempDir
    Path directory;

    private final ConfigLoader loader = new ConfigLoader(Map.of());

    @Test
    void withoutAConsoleSectionThereIsNoConsole() throws Exception {
        assertThat(loader.load(write(CONNECTION)).web().orElseThrow().console()).isEmpty();
    }

    @Test
    void enabledAloneTakesTheDefaultLifetimes() throws Exception {
        BotConfig config = loader.load(write(CONNECTION + """
                  console:
                    enabled: true
                """));

        assertThat(config.web().orElseThrow().console()).contains(ConsoleSettings.defaults());
        assertThat(ConsoleSettings.defaults().linkLifetime()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aConsoleSectionWithoutEnabledIsOffSoThatTryingALifetimeNeverOpensALoginPage() throws Exception {
        BotConfig config = loader.load(write(CONNECTION + """
                  console:
                    session-lifetime: 2h
                """));

        assertThat(config.web().orElseThrow().console()).isEmpty();
    }

    @Test
    void lifetimesAreRead() throws Exception {
        BotConfig config = loader.load(write(CONNECTION + """
                  console:
                    enabled: true
                    session-lifetime: 2h
                    link-lifetime: 10m
                """));

        assertThat(config.web().orElseThrow().console())
                .contains(new ConsoleSettings(Duration.ofHours(2), Duration.ofMinutes(10)));
    }

    @Test
    void badValuesAndUnknownKeysAreEachReportedAtTheirKey() throws Exception {
        ConfigException failure = catchThrowableOfType(ConfigException.class, () -> loader.load(write(CONNECTION + """
                  console:
                    enabled: maybe
                    session-lifetime: forever
                    link-lifetime: 2h
                    colour: blue
                """)));

        assertThat(failure.problems()).extracting(ConfigProblem::line, ConfigProblem::key).containsExactly(
                tuple(7, "web.console.enabled"), tuple(8, "web.console.session-lifetime"),
                tuple(9, "web.console.link-lifetime"), tuple(10, "web.console.colour"));
        assertThat(failure.problems().get(2).message()).contains("within an hour");
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(directory.resolve("bot.yml"), yaml);
    }
}
