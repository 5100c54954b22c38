package org.majordome.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.majordome.api.NoConfig;
import org.majordome.api.OnEvent;
import org.majordome.api.Plugin;
import org.majordome.api.PluginContext;
import org.majordome.api.command.Command;
import org.majordome.api.command.CommandInvocation;
import org.majordome.api.event.Role;
import org.majordome.api.event.RoomMessageReceivedEvent;
import org.majordome.testkit.PluginTestKit;
import org.majordome.testkit.TestRoom;
import org.slf4j.MDC;

class PluginLifecycleTest {

    private static final String LOBBY = "lobby@conference.example.org";

    /** A plugin with configuration that the test binder cannot bind. */
    public static class Configured implements Plugin<Configured.Settings> {
        record Settings(String greeting) {
        }

        @Override
        public String id() {
            return "configured";
        }

        @Override
        public Class<Settings> configType() {
            return Settings.class;
        }

        @Override
        public void start(PluginContext<Settings> context) {
        }

        @Command(name = "greet", help = "Greets.")
        public void greet(CommandInvocation invocation) {
        }
    }

    /** Records the MDC while handling and stops loudly. */
    public static class Tagged implements Plugin<NoConfig> {
        final List<String> tags = new CopyOnWriteArrayList<>();
        final List<String> lifecycle = new CopyOnWriteArrayList<>();

        @Override
        public String id() {
            return "tagged";
        }

        @Override
        public Class<NoConfig> configType() {
            return NoConfig.class;
        }

        @Override
        public void start(PluginContext<NoConfig> context) {
            lifecycle.add("start with " + context.config());
        }

        @Override
        public void stop() {
            lifecycle.add("stop");
            throw new IllegalStateException("stop fails, the others still stop");
        }

        @OnEvent
        public void on(RoomMessageReceivedEvent event) {
            tags.add(MDC.get("plugin") + " " + MDC.get("room"));
        }
    }

    @Test
    void aPluginWhoseConfigCannotBeBoundStaysStoppedAndItsCommandsAreGone() {
        Tagged tagged = new Tagged();
        PluginTestKit kit = PluginTestKit.builder().plugin(new Configured()).plugin(tagged).room(LOBBY)
                .tolerateStartProblems().start();
        assertThat(kit.startProblems()).containsExactly("plugin 'configured': plugins.configured: the test kit has no"
                + " configuration for it; pass one with builder().plugin(plugin, config)");
        TestRoom lobby = kit.room(LOBBY);
        lobby.join("a", Role.PARTICIPANT);
        lobby.say("a", "!greet");
        assertThat(lobby.botSaid()).containsExactly("Unknown command !greet. Send !help for the list.");
        assertThat(tagged.lifecycle).containsExactly("start with INSTANCE");
    }

    @Test
    void aPluginGetsTheConfigurationItWasGiven() {
        List<String> greetings = new CopyOnWriteArrayList<>();
        Configured configured = new Configured() {
            @Override
            public void start(PluginContext<Settings> context) {
                greetings.add(context.config().greeting());
            }
        };
        PluginTestKit.builder().plugin(configured, new Configured.Settings("hello")).room(LOBBY).start();
        assertThat(greetings).containsExactly("hello");
    }

    @Test
    void handlerCallsAreTaggedWithPluginAndRoom() {
        Tagged tagged = new Tagged();
        PluginTestKit kit = PluginTestKit.builder().plugin(tagged).room(LOBBY).start();
        kit.room(LOBBY).join("a", Role.PARTICIPANT);
        kit.room(LOBBY).say("a", "hello");
        assertThat(tagged.tags).containsExactly("tagged " + LOBBY);
        assertThat(MDC.get("plugin")).as("tags do not leak to the caller's thread").isNull();
    }

    @Test
    void stoppedPluginsGetNoMoreEvents() {
        Tagged tagged = new Tagged();
        PluginTestKit kit = PluginTestKit.builder().plugin(tagged).room(LOBBY).start();
        kit.room(LOBBY).join("a", Role.PARTICIPANT);
        kit.stopPlugins();
        assertThat(kit.deliver(Fixtures.say(LOBBY, Fixtures.participant("a"), "hello"))).as("the dispatcher still runs")
                .isTrue();
        assertThat(tagged.tags).isEmpty();
        assertThat(tagged.lifecycle).containsExactly("start with INSTANCE", "stop");
    }
}
