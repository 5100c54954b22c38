package org.majordome.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.majordome.config.BotConfig;
import org.majordome.config.ConfigLoader;
import org.majordome.config.PluginConfigBinder;
import org.majordome.plugins.notices.NoticesConfig;
import org.majordome.plugins.topic.TopicConfig;
import org.majordome.plugins.welcome.WelcomeConfig;

/** The example configuration shipped for operators binds for every plugin it configures. */
class ExampleConfigTest {

    @Test
    void theExampleBotConfigurationBindsTheRoomLifePlugins() throws Exception {
        BotConfig config = new ConfigLoader(Map.of("MAJORDOME_PASSWORD", "secret"))
                .load(Path.of("..", "deploy", "example-bot.yml"));
        PluginConfigBinder binder = new PluginConfigBinder(config);

        WelcomeConfig welcome = binder.bind("welcome", WelcomeConfig.class);
        TopicConfig topic = binder.bind("topic", TopicConfig.class);
        NoticesConfig notices = binder.bind("notices", NoticesConfig.class);

        assertThat(welcome.forRoom("help@conference.localhost").delivery()).isEqualTo(WelcomeConfig.Delivery.PRIVATE);
        assertThat(topic.forRoom("lobby@conference.localhost").subjects()).hasSize(2);
        assertThat(notices.notices()).extracting(NoticesConfig.Notice::name).containsExactly("weekly-tip");
    }
}
