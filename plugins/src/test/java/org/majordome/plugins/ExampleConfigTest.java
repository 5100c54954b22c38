package org.majordome.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.majordome.api.NoConfig;
import org.majordome.api.Plugin;
import org.majordome.config.BotConfig;
import org.majordome.config.ConfigLoader;
import org.majordome.config.ConfigProblem;
import org.majordome.config.DispatchSettings;
import org.majordome.config.KnownPlugins;
import org.majordome.config.PluginConfigBinder;
import org.majordome.plugins.notices.NoticesConfig;
import org.majordome.plugins.topic.TopicConfig;
import org.majordome.plugins.welcome.WelcomeConfig;
import org.majordome.script.ScriptHost;

/** The example configuration shipped for operators binds for every plugin it configures. */
class ExampleConfigTest {

    @Test
    void theExampleBotConfigurationBindsTheRoomLifePlugins() throws Exception {
        BotConfig config = new ConfigLoader(Map.of("MAJORDOME_PASSWORD", "secret", "MAJORDOME_WEB_PASSWORD", "web-secret"))
                .load(Path.of("..", "deploy", "example-bot.yml"));
        PluginConfigBinder binder = new PluginConfigBinder(config);

        WelcomeConfig welcome = binder.bind("welcome", WelcomeConfig.class);
        TopicConfig topic = binder.bind("topic", TopicConfig.class);
        NoticesConfig notices = binder.bind("notices", NoticesConfig.class);

        assertThat(welcome.forRoom("help@conference.localhost").delivery()).isEqualTo(WelcomeConfig.Delivery.PRIVATE);
        assertThat(topic.forRoom("lobby@conference.localhost").subjects()).hasSize(2);
        assertThat(notices.notices()).extracting(NoticesConfig.Notice::name).containsExactly("weekly-tip");
    }

    /**
     * Regression (issue 22 item 7): the help room's greeting was configured while the help room did not enable the
     * welcome plugin, so it was never sent. Checked with every shipped plugin and the example's scripts.
     */
    @Test
    void theExampleBotConfigurationHasNothingThatCanNeverApply() throws Exception {
        Function<DispatchSettings, KnownPlugins> shipped = dispatch -> {
            Map<String, Class<?>> types = new LinkedHashMap<>();
            ServiceLoader.load(Plugin.class).forEach(plugin -> types.put(plugin.id(), plugin.configType()));
            List<String> scripts = ScriptHost.scriptIds(dispatch.scriptsDirectory().orElseThrow());
            scripts.forEach(id -> types.put(id, NoConfig.class));
            return new KnownPlugins(types, Set.copyOf(scripts), List.of());
        };
        BotConfig config = new ConfigLoader(Map.of("MAJORDOME_PASSWORD", "secret", "MAJORDOME_WEB_PASSWORD", "web-secret"))
                .load(Path.of("..", "deploy", "example-bot.yml"), shipped);

        assertThat(config.warnings()).extracting(ConfigProblem::formatWarning).isEmpty();
        assertThat(config.rooms()).filteredOn(room -> room.jid().toString().equals("help@conference.localhost"))
                .singleElement().satisfies(room -> assertThat(room.plugins()).contains("welcome"));
    }

    /** Issue 20: the demo has one French room, greeted in French; the others speak the bot's English. */
    @Test
    void theExampleBotConfigurationHasAFrenchRoom() throws Exception {
        BotConfig config = new ConfigLoader(Map.of("MAJORDOME_PASSWORD", "secret", "MAJORDOME_WEB_PASSWORD", "web-secret"))
                .load(Path.of("..", "deploy", "example-bot.yml"));

        assertThat(config.runtime().language()).isEqualTo(java.util.Locale.ENGLISH);
        assertThat(config.rooms()).filteredOn(room -> room.texts().language().isPresent())
                .singleElement().satisfies(room -> {
                    assertThat(room.jid().toString()).isEqualTo("salon@conference.localhost");
                    assertThat(room.texts().language()).contains(java.util.Locale.FRENCH);
                });
        WelcomeConfig welcome = new PluginConfigBinder(config).bind("welcome", WelcomeConfig.class);
        assertThat(welcome.forRoom("salon@conference.localhost").firstTime()).startsWith("Bienvenue dans {room}");
    }
}
