package org.majordome.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.majordome.api.ConfigBindingException;
import org.majordome.config.BotConfig;
import org.majordome.config.ConfigLoader;
import org.majordome.config.PluginConfigBinder;

/** The README shows exactly the code that is compiled and tested here, and configuration that loads. */
class ReadmeExamplesTest {

    private static final Path README = Path.of("../README.md");
    private static final Path SOURCES = Path.of("src/test/java/org/majordome/docs");
    private static final Map<String, String> ENVIRONMENT = Map.of("MAJORDOME_PASSWORD", "secret");

    @TempDir
    Path dir;

    private static List<String> blocks(String language) throws IOException {
        Matcher block = Pattern.compile("(?s)```" + language + "\n(.*?)```").matcher(Files.readString(README));
        return block.results().map(result -> result.group(1)).toList();
    }

    private static String karmaYaml() throws IOException {
        return blocks("yaml").stream().filter(yaml -> yaml.contains("  karma:")).findFirst().orElseThrow();
    }

    private BotConfig load(String yaml) throws Exception {
        Path file = dir.resolve("bot.yml");
        Files.writeString(file, yaml);
        return new ConfigLoader(ENVIRONMENT).load(file);
    }

    @Test
    void theReadmeShowsThePluginAndItsTestAsTheyAre() throws IOException {
        assertThat(blocks("java")).containsExactly(
                Files.readString(SOURCES.resolve("KarmaPlugin.java")),
                Files.readString(SOURCES.resolve("KarmaPluginTest.java")));
    }

    @Test
    void theReadmesWebChatConfigurationLoadsAsShown() throws Exception {
        String web = blocks("yaml").stream().filter(yaml -> yaml.startsWith("web:")).findFirst().orElseThrow();
        Path file = dir.resolve("web.yml");
        Files.writeString(file, "connection:\n  jid: majordome@example.org\n  password: ${MAJORDOME_PASSWORD}\n" + web);

        BotConfig config = new ConfigLoader(Map.of("MAJORDOME_PASSWORD", "secret", "WEB_PASSWORD", "web")).load(file);

        assertThat(config.web()).hasValueSatisfying(settings -> {
            assertThat(settings.trustedProxies()).containsExactly("127.0.0.1");
            assertThat(settings.chat()).hasValueSatisfying(chat -> assertThat(chat.banBy())
                    .containsExactlyInAnyOrder("cookie", "address"));
        });
        assertThat(config.rooms()).singleElement().satisfies(room -> assertThat(room.webChat()).isTrue());
    }

    @Test
    void theReadmeConfigurationEnablesAndConfiguresThePlugin() throws Exception {
        BotConfig config = load(karmaYaml());

        assertThat(config.rooms()).singleElement().satisfies(room -> assertThat(room.plugins()).containsExactly("core", "karma"));
        assertThat(config.dispatch().pluginDirectory()).isEqualTo(Optional.of(dir.resolve("plugins")));
        assertThat(new PluginConfigBinder(config).bind("karma", KarmaPlugin.Config.class))
                .isEqualTo(new KarmaPlugin.Config(Duration.ofMinutes(10), 3));
    }

    @Test
    void aMissingSectionMeansTheDefaultsAndAWrongValueIsReported() throws Exception {
        String yaml = karmaYaml();
        BotConfig withoutSection = load(yaml.substring(0, yaml.indexOf("plugins:\n  karma:")));
        BotConfig wrong = load(yaml.replace("top-size: 3", "top-size: 0"));

        assertThat(new PluginConfigBinder(withoutSection).bind("karma", KarmaPlugin.Config.class))
                .isEqualTo(KarmaPlugin.Config.defaults());
        assertThatThrownBy(() -> new PluginConfigBinder(wrong).bind("karma", KarmaPlugin.Config.class))
                .isInstanceOf(ConfigBindingException.class)
                .hasMessageContaining("bot.yml").hasMessageContaining("plugins.karma")
                .hasMessageContaining("top-size must be at least 1, got 0");
    }
}
