package org.majordome.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the plugin runtime binds a plugin's own section: same precision as the core keys. */
class ConfigReaderTest {

    private static final Map<String, String> ENVIRONMENT = Map.of("BOT_PW", "bot-pw", "API_TOKEN", "t0ken-value");

    @TempDir
    Path directory;

    /** What a plugin's typed config looks like. */
    private record ModerationConfig(List<String> bannedWords, Duration warnFor, int maxWarnings, Optional<Secret> apiToken) { }

    @Test
    void aPluginBindsItsSectionToATypedRecord() throws Exception {
        BotConfig config = load("""
                plugins:
                  moderation:
                    banned-words: [spam, scam]
                    warn-for: 10m
                    api-token: ${API_TOKEN}
                """);
        ConfigProblems problems = new ConfigProblems(config.source());

        ModerationConfig bound = bindModeration(config.plugins().get("moderation").reader(problems));

        assertThat(problems.isEmpty()).isTrue();
        assertThat(bound.bannedWords()).containsExactly("spam", "scam");
        assertThat(bound.warnFor()).isEqualTo(Duration.ofMinutes(10));
        assertThat(bound.maxWarnings()).isEqualTo(3);
        assertThat(bound.apiToken()).map(Secret::reveal).contains("t0ken-value");
        assertThat(bound.apiToken()).map(Secret::origin).contains("environment variable API_TOKEN");
    }

    @Test
    void aPluginSectionsProblemsCarryTheFullKeyPathAndLine() throws Exception {
        BotConfig config = load("""
                plugins:
                  moderation:
                    banned-words: spam
                    warn-for: forever
                    max-warning: 2
                """);
        ConfigProblems problems = new ConfigProblems(config.source());

        bindModeration(config.plugins().get("moderation").reader(problems));

        assertThat(problems.all()).extracting(ConfigProblem::line, ConfigProblem::key, ConfigProblem::message).containsExactly(
                tuple(8, "plugins.moderation.banned-words", "expected a list"),
                tuple(9, "plugins.moderation.warn-for",
                        "expected a positive duration such as 500ms, 30s, 5m, 1h30m, 1d or PT1M"),
                tuple(10, "plugins.moderation.max-warning",
                        "unknown key 'max-warning' (did you mean 'max-warnings'?); expected one of: banned-words,"
                                + " warn-for, max-warnings, api-token"));
        ConfigException failure = catchThrowableOfType(ConfigException.class, problems::throwIfAny);
        assertThat(failure.getMessage()).startsWith("3 problems in ");
    }

    @Test
    void aValueUnderASecretLookingKeyIsMaskedEvenWhenReadAsSomethingElse() throws Exception {
        BotConfig config = load("""
                plugins:
                  moderation:
                    api-token: 12ab
                """);
        ConfigProblems problems = new ConfigProblems(config.source());

        config.plugins().get("moderation").reader(problems).optionalInt("api-token", 0);

        assertThat(problems.all()).singleElement().satisfies(problem -> {
            assertThat(problem.value()).isEqualTo(ConfigProblem.MASK);
            assertThat(problem.format()).doesNotContain("12ab").endsWith("got '******'");
        });
    }

    @Test
    void anEmptyPluginSectionReadsAsEmpty() throws Exception {
        BotConfig config = load("""
                plugins:
                  moderation:
                """);
        ConfigProblems problems = new ConfigProblems(config.source());

        ModerationConfig bound = bindModeration(config.plugins().get("moderation").reader(problems));

        assertThat(problems.all()).isEmpty();
        assertThat(bound.bannedWords()).isEmpty();
        assertThat(bound.warnFor()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aPluginSectionThatIsNotAMappingIsOneProblem() throws Exception {
        BotConfig config = load("""
                plugins:
                  moderation: strict
                """);
        ConfigProblems problems = new ConfigProblems(config.source());

        bindModeration(config.plugins().get("moderation").reader(problems));

        assertThat(problems.all()).singleElement().satisfies(problem -> {
            assertThat(problem.key()).isEqualTo("plugins.moderation");
            assertThat(problem.format()).endsWith("expected a mapping of keys to values, got 'strict'");
        });
    }

    @Test
    void pluginSectionsDoNotPrintTheirContent() throws Exception {
        BotConfig config = load("""
                plugins:
                  moderation:
                    api-token: ${API_TOKEN}
                """);

        assertThat(config.plugins().get("moderation")).hasToString("PluginSection[pluginId=moderation, line=8]");
        assertThat(config.toString()).doesNotContain("t0ken-value");
    }

    private static ModerationConfig bindModeration(ConfigReader section) {
        List<String> bannedWords = section.list("banned-words", ConfigValue::asNonBlankString);
        Duration warnFor = section.duration("warn-for", Duration.ofMinutes(5));
        int maxWarnings = section.integer("max-warnings", 1, 10, 3);
        Optional<Secret> apiToken = section.optionalSecret("api-token");
        section.rejectUnknownKeys();
        return new ModerationConfig(bannedWords, warnFor, maxWarnings, apiToken);
    }

    private BotConfig load(String pluginsYaml) throws IOException, ConfigException {
        Path file = Files.writeString(directory.resolve("bot.yml"), """
                connection:
                  jid: bot@localhost
                  password: ${BOT_PW}
                rooms:
                  - jid: lobby@conference.localhost
                """ + pluginsYaml);
        return new ConfigLoader(ENVIRONMENT).load(file);
    }
}
