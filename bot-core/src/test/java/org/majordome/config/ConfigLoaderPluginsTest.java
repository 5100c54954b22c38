package org.majordome.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
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
import org.majordome.api.schedule.CronText;

/**
 * The file checked whole with its plugins, as {@code check-config}, start and reload check it: plugin ids in
 * rooms and sections, and every value a plugin's record refuses, each with line, column and key, all at once.
 */
class ConfigLoaderPluginsTest {

    /** A plugin configuration like the topic plugin's: its cron is checked by the record. */
    public record RotationConfig(String schedule, List<String> subjects) {
        public RotationConfig {
            CronText.requireValid("schedule", schedule);
        }

        public static RotationConfig defaults() {
            return new RotationConfig("0 0 8 * * ?", List.of());
        }
    }

    /** A configuration record without defaults: its section is required. */
    public record StrictConfig(String token) {
    }

    private static final Function<DispatchSettings, KnownPlugins> PLUGINS = dispatch -> new KnownPlugins(
            Map.of("rotation", RotationConfig.class, "core", NoConfig.class, "hello", NoConfig.class),
            Set.of("hello"), List.of());

    @TempDir
    Path directory;

    @Test
    void anInvalidCronInAPluginSectionIsReportedWhenTheFileIsReadNotWhenThePluginStarts() throws IOException {
        List<ConfigProblem> problems = problems("""
                connection:
                  jid: bot@localhost
                  password: secret
                rooms:
                  - jid: lobby@conference.localhost
                    plugins: [core, rotation]
                plugins:
                  rotation:
                    schedule: "every day at 8"
                """, PLUGINS);

        assertThat(problems).extracting(ConfigProblem::line, ConfigProblem::column, ConfigProblem::key)
                .containsExactly(tuple(9, 15, "plugins.rotation.schedule"));
        assertThat(problems.getFirst().message()).contains("'every day at 8' is not a Quartz cron expression");
        assertThat(problems.getFirst().format()).startsWith("bot.yml:9:15: plugins.rotation.schedule: ");
    }

    @Test
    void unknownPluginIdsAndRefusedValuesAreAllReportedAtOnceWithTheirLines() throws IOException {
        List<ConfigProblem> problems = problems("""
                connection:
                  jid: bot@localhost
                  password: secret
                rooms:
                  - jid: lobby@conference.localhost
                    plugins: [core, karma, core]
                  - jid: help@conference.localhost
                    plugins: [hello]
                    scripts: some
                plugins:
                  rotation:
                    schedule: "0 0 8 * * ?"
                    subjects: [a]
                    colour: blue
                  topik: {}
                """, dispatch -> new KnownPlugins(Map.of("rotation", RotationConfig.class, "core", NoConfig.class,
                "hello", NoConfig.class, "strict", StrictConfig.class), Set.of("hello"), List.of()));

        assertThat(problems).extracting(ConfigProblem::line, ConfigProblem::key).containsExactly(
                tuple(6, "rooms[0].plugins[1]"),
                tuple(6, "rooms[0].plugins[2]"),
                tuple(9, "rooms[1].scripts"),
                tuple(10, "plugins.strict"),
                tuple(14, "plugins.rotation.colour"),
                tuple(15, "plugins.topik"));
        assertThat(problems.get(0).message()).startsWith("unknown plugin 'karma' (known: ");
        assertThat(problems.get(1).message()).isEqualTo("plugin 'core' is listed twice");
        assertThat(problems.get(3).message()).isEqualTo("missing section; this plugin has no defaults");
        assertThat(problems.get(5).message()).startsWith("unknown plugin 'topik'");
    }

    @Test
    void aRoomMayEnableEveryScriptAndScriptSectionsAreTakenAsTheyAre() throws Exception {
        BotConfig config = new ConfigLoader(Map.of()).load(write("""
                connection:
                  jid: bot@localhost
                  password: secret
                dispatch:
                  scripts-directory: .
                rooms:
                  - jid: lobby@conference.localhost
                    plugins: [core]
                    scripts: all
                plugins:
                  hello: {anything: [1, 2]}
                """), PLUGINS);

        assertThat(config.rooms().getFirst().allScripts()).isTrue();
        assertThat(config.rooms().getFirst().enabledPlugins(List.of("hello", "core"))).containsExactly("core", "hello");
    }

    @Test
    void everyScriptWithoutAScriptsDirectoryIsAProblem() throws IOException {
        List<ConfigProblem> problems = problems("""
                connection:
                  jid: bot@localhost
                  password: secret
                rooms:
                  - jid: lobby@conference.localhost
                    scripts: all
                """, PLUGINS);

        assertThat(problems).extracting(ConfigProblem::line, ConfigProblem::key, ConfigProblem::message)
                .containsExactly(tuple(6, "rooms[0].scripts",
                        "'all' enables every script of dispatch.scripts-directory, which is not set"));
    }

    @Test
    void whatTheRuntimeMetFindingThePluginsIsReportedAtTheDispatchKey() throws IOException {
        List<ConfigProblem> problems = problems("""
                connection:
                  jid: bot@localhost
                  password: secret
                dispatch:
                  plugin-directory: jars
                """, dispatch -> new KnownPlugins(Map.of(), Set.of(),
                List.of(new KnownPlugins.Problem("dispatch.plugin-directory", "broken.jar: not a zip file"))));

        assertThat(problems).extracting(ConfigProblem::line, ConfigProblem::key, ConfigProblem::message)
                .containsExactly(tuple(5, "dispatch.plugin-directory", "broken.jar: not a zip file"));
    }

    private List<ConfigProblem> problems(String yaml, Function<DispatchSettings, KnownPlugins> plugins)
            throws IOException {
        Path file = write(yaml);
        ConfigException failure = catchThrowableOfType(ConfigException.class,
                () -> new ConfigLoader(Map.of()).load(file, plugins));
        assertThat(failure).as("a ConfigException for%n%s", yaml).isNotNull();
        return failure.problems().stream()
                .map(problem -> new ConfigProblem(Path.of("bot.yml"), problem.line(), problem.column(), problem.key(),
                        problem.value(), problem.message()))
                .toList();
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(directory.resolve("bot.yml"), yaml);
    }
}
