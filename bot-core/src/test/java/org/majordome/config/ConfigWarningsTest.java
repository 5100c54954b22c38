package org.majordome.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.majordome.api.NoConfig;

/**
 * Configuration that is valid but can never apply is a warning, located like a problem (file, line, key), and
 * does not make the file invalid.
 */
class ConfigWarningsTest {

    /** A plugin configuration with per-room overrides by room JID, like the welcome plugin's. */
    public record GreetingConfig(String text, Map<String, Map<String, String>> rooms) {
        public static GreetingConfig defaults() {
            return new GreetingConfig("hello", Map.of());
        }
    }

    /** A plugin configuration whose items name the rooms they go to, like the notices plugin's. */
    public record NoticeConfig(List<Notice> notices) {
        public record Notice(String text, List<String> rooms) {
        }

        public static NoticeConfig defaults() {
            return new NoticeConfig(List.of());
        }
    }

    private static final Function<DispatchSettings, KnownPlugins> PLUGINS = dispatch -> new KnownPlugins(
            Map.of("core", NoConfig.class, "greeting", GreetingConfig.class, "notice", NoticeConfig.class,
                    "hello", NoConfig.class),
            Set.of("hello"), List.of());

    @TempDir
    Path directory;

    /**
     * Regression (the example file's help-room greeting, never sent): a plugin's per-room section for a room where
     * the plugin is not enabled was accepted without a word.
     */
    @Test
    void aPluginSectionForARoomWhereThePluginIsNotEnabledIsAWarning() throws Exception {
        BotConfig config = load("""
                connection:
                  jid: bot@localhost
                  password: secret
                rooms:
                  - jid: lobby@conference.localhost
                    plugins: [core, greeting]
                  - jid: help@conference.localhost
                    plugins: [core]
                plugins:
                  greeting:
                    text: hi
                    rooms:
                      lobby@conference.localhost: {text: hello lobby}
                      help@conference.localhost: {text: ask away}
                """);

        assertThat(config.warnings()).extracting(ConfigProblem::line, ConfigProblem::column, ConfigProblem::key)
                .containsExactly(tuple(14, 7, "plugins.greeting.rooms.help@conference.localhost"));
        assertThat(config.warnings().getFirst().message()).isEqualTo("plugin 'greeting' is not enabled in "
                + "help@conference.localhost (rooms[1].plugins: [core]), so this never applies");
        assertThat(config.warnings().getFirst().formatWarning()).isEqualTo(directory.resolve("bot.yml")
                + ":14:7: warning: plugins.greeting.rooms.help@conference.localhost: plugin 'greeting' is not "
                + "enabled in help@conference.localhost (rooms[1].plugins: [core]), so this never applies");
    }

    @Test
    void aSectionOfAPluginNoRoomEnablesIsAWarning() throws Exception {
        BotConfig config = load("""
                connection:
                  jid: bot@localhost
                  password: secret
                rooms:
                  - jid: lobby@conference.localhost
                    plugins: [core]
                plugins:
                  greeting:
                    text: hi
                """);

        assertThat(config.warnings()).extracting(ConfigProblem::line, ConfigProblem::key, ConfigProblem::message)
                .containsExactly(tuple(8, "plugins.greeting", "plugin 'greeting' is enabled in no room (no room "
                        + "lists it in its plugins), so this section applies in no room"));
    }

    @Test
    void aListOfRoomsNamingARoomTheFileDoesNotKeepOrWhereThePluginIsOffIsAWarning() throws Exception {
        BotConfig config = load("""
                connection:
                  jid: bot@localhost
                  password: secret
                rooms:
                  - jid: lobby@conference.localhost
                    plugins: [notice]
                  - jid: help@conference.localhost
                    plugins: [core]
                plugins:
                  notice:
                    notices:
                      - text: tip
                        rooms: [Lobby@conference.localhost, garden@conference.localhost]
                      - text: other
                        rooms:
                          - help@conference.localhost
                """);

        assertThat(config.warnings()).extracting(ConfigProblem::line, ConfigProblem::key).containsExactly(
                tuple(13, "plugins.notice.notices[0].rooms[1]"),
                tuple(16, "plugins.notice.notices[1].rooms[0]"));
        assertThat(config.warnings().get(0).message())
                .isEqualTo("the file keeps no room garden@conference.localhost (rooms[].jid), so this never applies");
        assertThat(config.warnings().get(1).message()).startsWith("plugin 'notice' is not enabled in help@");
    }

    @Test
    void configurationThatAppliesEverywhereGivesNoWarning() throws Exception {
        BotConfig config = load("""
                connection:
                  jid: bot@localhost
                  password: secret
                dispatch:
                  scripts-directory: .
                rooms:
                  - jid: lobby@conference.localhost
                    plugins: [core, greeting, notice]
                  - jid: help@conference.localhost
                    plugins: [core]
                    scripts: all
                plugins:
                  greeting:
                    rooms:
                      LOBBY@conference.localhost: {text: hello lobby}
                  notice:
                    notices:
                      - text: tip
                        rooms: [lobby@conference.localhost]
                  hello:
                    rooms: [help@conference.localhost]
                """);

        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void warningsDoNotHideProblemsNorMakeAFileInvalid() throws Exception {
        Path file = write("""
                connection:
                  jid: bot@localhost
                  password: secret
                rooms:
                  - jid: lobby@conference.localhost
                    plugins: [core]
                plugins:
                  greeting: {text: hi}
                """);

        assertThat(new ConfigLoader(Map.of()).load(file, PLUGINS).warnings()).hasSize(1);
        Files.writeString(file, Files.readString(file) + "  nosuch: {}\n");
        ConfigException failure = org.assertj.core.api.Assertions.catchThrowableOfType(ConfigException.class,
                () -> new ConfigLoader(Map.of()).load(file, PLUGINS));
        assertThat(failure.problems()).extracting(ConfigProblem::key).containsExactly("plugins.nosuch");
    }

    private BotConfig load(String yaml) throws Exception {
        return new ConfigLoader(Map.of()).load(write(yaml), PLUGINS);
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(directory.resolve("bot.yml"), yaml);
    }
}
