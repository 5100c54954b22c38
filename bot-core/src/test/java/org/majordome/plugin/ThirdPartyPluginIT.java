package org.majordome.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityBareJid;
import org.majordome.config.DispatchSettings;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.EveryServerExtension;
import org.majordome.testing.TestClients;
import org.majordome.testing.XmppTestClient;
import org.majordome.testing.support.Feature;
import org.majordome.testing.support.Proves;

/**
 * A third-party plugin, compiled against the plugin API alone and dropped as a jar into the plugin
 * directory, is loaded by the real bot, enabled in a room by its id, and answers a real client, using the
 * storage its context gives it.
 */
@Proves(Feature.PLUGIN_ISOLATION)
@ClassTemplate
class ThirdPartyPluginIT {

    private static final String COUNTER_CLASS = "com.example.counter.CounterPlugin";
    private static final String COUNTER = """
            package com.example.counter;

            import org.majordome.api.NoConfig;
            import org.majordome.api.Plugin;
            import org.majordome.api.PluginContext;
            import org.majordome.api.command.Command;
            import org.majordome.api.command.CommandInvocation;

            public final class CounterPlugin implements Plugin<NoConfig> {
                private PluginContext<NoConfig> context;

                public String id() { return "counter"; }
                public Class<NoConfig> configType() { return NoConfig.class; }
                public void start(PluginContext<NoConfig> context) { this.context = context; }

                @Command(name = "count", help = "Counts how often it was asked in this room.")
                public void count(CommandInvocation invocation) {
                    String room = invocation.room().orElseThrow().roomJid();
                    long times = context.storage().room(room).increment("count", 1);
                    invocation.reply("counted " + times + " time(s) by a plugin from a jar");
                }
            }
            """;

    @RegisterExtension
    static final EveryServerExtension servers = new EveryServerExtension();

    @TempDir
    Path work;

    /** Done-when: a plugin jar placed in the plugin directory is loaded and answers its command. */
    @Test
    void aPluginJarInThePluginDirectoryAnswersItsCommand(TestClients clients) throws Exception {
        PluginJars jars = new PluginJars(work);
        Path classes = jars.compile("counter", Map.of(COUNTER_CLASS, COUNTER));
        Path pluginDirectory = Files.createDirectories(work.resolve("plugins"));
        jars.jar(pluginDirectory, "counter-plugin.jar", classes, List.of(COUNTER_CLASS), COUNTER_CLASS + "\n");
        EntityBareJid room = servers.server().uniqueRoom("jar");

        try (BotUnderTest bot = BotUnderTest.builder(servers.server())
                .room(room, "counter")
                .dispatch(new DispatchSettings("!", 5, Duration.ofSeconds(10), true, 1000, Duration.ofSeconds(10),
                        Optional.of(pluginDirectory)))
                .dataDirectory(work.resolve("data"))
                .start()) {
            bot.awaitJoined(room);
            XmppTestClient alice = clients.connect("alice");
            alice.join(room, "Alice");

            alice.say(room, "!count");
            alice.awaitBodyFrom(room, "Alice: counted 1 time(s) by a plugin from a jar");
            alice.say(room, "!count");
            alice.awaitBodyFrom(room, "Alice: counted 2 time(s) by a plugin from a jar");
            alice.say(room, "!help");
            assertThat(alice.awaitMessage("the help", message -> message.getBody() != null
                    && message.getBody().startsWith("Alice: Commands")).getBody())
                    .contains("!count — Counts how often it was asked in this room.");
        }
    }
}
