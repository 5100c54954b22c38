package org.majordome.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.majordome.api.ConfigBindingException;

class PluginConfigBinderTest {

    enum Action { WARN, REMOVE_AND_MUTE, KICK }

    record Threshold(int points, Action action) { }

    record FloodConfig(int maxMessages, Duration window, boolean dryRun, List<String> words,
                       List<Threshold> ladder, Optional<String> note, Map<String, Integer> weights) {
        static FloodConfig defaults() {
            return new FloodConfig(5, Duration.ofSeconds(10), false, List.of(), List.of(), Optional.empty(), Map.of());
        }
    }

    record NoDefaults(String greeting) { }

    @TempDir
    Path dir;

    private BotConfig load(String plugins) throws IOException, ConfigException {
        Path file = dir.resolve("bot.yml");
        Files.writeString(file, """
                connection:
                  jid: bot@localhost
                  password: pw
                plugins:
                """ + plugins.indent(2));
        return new ConfigLoader(Map.of()).load(file);
    }

    @Test
    void bindsKebabCaseKeysAndTakesMissingOnesFromDefaults() throws Exception {
        BotConfig config = load("""
                flood:
                  max-messages: 8
                  dry-run: true
                  words: [spam, scam]
                  ladder:
                    - {points: 1, action: warn}
                    - {points: 3, action: remove-and-mute}
                  weights: {link: 2}
                """);

        FloodConfig bound = new PluginConfigBinder(config).bind("flood", FloodConfig.class);

        assertThat(bound).isEqualTo(new FloodConfig(8, Duration.ofSeconds(10), true, List.of("spam", "scam"),
                List.of(new Threshold(1, Action.WARN), new Threshold(3, Action.REMOVE_AND_MUTE)), Optional.empty(),
                Map.of("link", 2)));
    }

    @Test
    void aPluginWithoutSectionGetsItsDefaults() throws Exception {
        assertThat(new PluginConfigBinder(load("other: {}")).bind("flood", FloodConfig.class))
                .isEqualTo(FloodConfig.defaults());
    }

    @Test
    void everyProblemIsReportedWithFileLineAndKey() throws Exception {
        BotConfig config = load("""
                flood:
                  max-messages: lots
                  ladder:
                    - {points: 1, action: explode}
                  colour: red
                """);

        assertThatThrownBy(() -> new PluginConfigBinder(config).bind("flood", FloodConfig.class))
                .isInstanceOfSatisfying(ConfigBindingException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).contains("bot.yml:6:").contains("plugins.flood.max-messages").contains("lots"))
                        .anySatisfy(p -> assertThat(p).contains("plugins.flood.ladder[0].action").contains("warn, remove-and-mute, kick"))
                        .anySatisfy(p -> assertThat(p).contains("unknown key 'colour'")));
    }

    @Test
    void aRequiredKeyWithoutDefaultsIsAnError() throws Exception {
        assertThatThrownBy(() -> new PluginConfigBinder(load("greeter: {}")).bind("greeter", NoDefaults.class))
                .isInstanceOfSatisfying(ConfigBindingException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).contains("greeting")));
    }
}
