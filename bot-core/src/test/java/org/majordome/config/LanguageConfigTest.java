package org.majordome.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.majordome.api.NoConfig;

/**
 * Issue 20: {@code runtime.language}, {@code rooms[].language} and {@code rooms[].texts}, validated like every other
 * key: a language the bot does not speak, and a replaced text whose placeholders differ from the shipped one's, are
 * reported with line, key and value.
 */
class LanguageConfigTest {

    private static final String CONNECTION = """
            connection:
              jid: bot@localhost
              password: secret
            """;
    private static final Function<DispatchSettings, KnownPlugins> PLUGINS = dispatch -> new KnownPlugins(
            Map.of("greeter", NoConfig.class), Set.of(), List.of(),
            Map.of("greeter", Map.of("hello", "Hello {0}, welcome to {1}.", "bye", "Bye!")));

    @TempDir
    Path directory;

    @Test
    void theBotSpeaksEnglishUnlessTheFileSaysOtherwise() throws Exception {
        BotConfig config = new ConfigLoader(Map.of()).load(write(CONNECTION + """
                rooms:
                  - jid: lobby@conference.localhost
                """));

        assertThat(config.runtime().language()).isEqualTo(Locale.ENGLISH);
        assertThat(config.rooms().getFirst().texts()).isEqualTo(RoomTexts.NONE);
    }

    @Test
    void aRoomSpeaksItsOwnLanguageAndTheBotItsDefault() throws Exception {
        BotConfig config = new ConfigLoader(Map.of()).load(write(CONNECTION + """
                runtime:
                  language: fr
                rooms:
                  - jid: salon@conference.localhost
                  - jid: lobby@conference.localhost
                    language: en
                    texts:
                      greeter:
                        hello: "Hi {0}! This is {1}."
                """), PLUGINS);

        assertThat(config.runtime().language()).isEqualTo(Locale.FRENCH);
        assertThat(config.rooms().get(0).texts().language()).isEmpty();
        assertThat(config.rooms().get(1).texts().language()).contains(Locale.ENGLISH);
        assertThat(config.rooms().get(1).texts().overridesOf("greeter")).containsEntry("hello", "Hi {0}! This is {1}.");
    }

    @Test
    void aLanguageTheBotDoesNotSpeakIsReportedWithItsLineAndKey() throws IOException {
        List<ConfigProblem> problems = problems(CONNECTION + """
                runtime:
                  language: klingon
                rooms:
                  - jid: lobby@conference.localhost
                    language: de
                """, null);

        assertThat(problems).extracting(ConfigProblem::line, ConfigProblem::key).containsExactly(
                tuple(5, "runtime.language"), tuple(8, "rooms[0].language"));
        assertThat(problems.get(1).format()).endsWith("expected a language the bot speaks: en, fr, got 'de'");
    }

    @Test
    void aReplacedTextWhosePlaceholdersDifferFromTheShippedOneIsReported() throws IOException {
        List<ConfigProblem> problems = problems(CONNECTION + """
                rooms:
                  - jid: lobby@conference.localhost
                    texts:
                      greeter:
                        hello: "Hi {0}!"
                        bye: "See you"
                        unheard: "Nope"
                      nobody:
                        hello: "Hi"
                      runtime:
                        command.usage: "Syntax: {0} {1}"
                """, PLUGINS);

        assertThat(problems).extracting(ConfigProblem::line, ConfigProblem::key).containsExactly(
                tuple(8, "rooms[0].texts.greeter.hello"),
                tuple(10, "rooms[0].texts.greeter.unheard"),
                tuple(12, "rooms[0].texts.nobody.hello"),
                tuple(14, "rooms[0].texts.runtime.command.usage"));
        assertThat(problems.get(0).message()).isEqualTo(
                "its placeholders {0} do not match those of the text it replaces, {0}, {1}");
        assertThat(problems.get(1).message()).isEqualTo("plugin 'greeter' has no text 'unheard'");
        assertThat(problems.get(3).message()).contains("{0}, {1} do not match those of the text it replaces, {0}");
    }

    private List<ConfigProblem> problems(String yaml, Function<DispatchSettings, KnownPlugins> plugins)
            throws IOException {
        Path file = write(yaml);
        ConfigException failure = catchThrowableOfType(ConfigException.class,
                () -> new ConfigLoader(Map.of()).load(file, plugins));
        assertThat(failure).as("a ConfigException for%n%s", yaml).isNotNull();
        return failure.problems();
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(directory.resolve("bot.yml"), yaml);
    }
}
