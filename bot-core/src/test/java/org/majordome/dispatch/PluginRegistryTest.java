package org.majordome.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.majordome.api.NoConfig;
import org.majordome.api.OnEvent;
import org.majordome.api.Plugin;
import org.majordome.api.PluginContext;
import org.majordome.api.command.Command;
import org.majordome.api.command.CommandInvocation;
import org.majordome.api.command.CommandSpec;
import org.majordome.api.event.RoomMessageReceivedEvent;

class PluginRegistryTest {

    /** The boilerplate of a plugin without configuration. */
    public abstract static class Base implements Plugin<NoConfig> {
        private final String id;

        Base(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public Class<NoConfig> configType() {
            return NoConfig.class;
        }

        @Override
        public void start(PluginContext<NoConfig> context) {
        }
    }

    public static class BadHandlers extends Base {
        BadHandlers() {
            super("bad");
        }

        @OnEvent
        public void noParameter() {
        }

        @OnEvent
        public void notAnEvent(String text) {
        }

        @OnEvent
        public int returnsSomething(RoomMessageReceivedEvent event) {
            return 0;
        }

        @OnEvent
        public void throwsChecked(RoomMessageReceivedEvent event) throws IOException {
        }

        @OnEvent
        void notPublic(RoomMessageReceivedEvent event) {
        }

        @OnEvent
        public static void isStatic(RoomMessageReceivedEvent event) {
        }

        @Command(name = "Bad Name", help = "x")
        public void badCommandName(CommandInvocation invocation) {
        }

        @Command(name = "wrongparam", help = "x")
        public void wrongCommandParameter(RoomMessageReceivedEvent event) {
        }
    }

    public static class Good extends Base {
        Good(String id) {
            super(id);
        }

        @OnEvent
        public void on(RoomMessageReceivedEvent event) {
        }

        @Command(name = "ping", aliases = "p", help = "Answers pong.")
        public void ping(CommandInvocation invocation) {
        }
    }

    public static class Clashing extends Base {
        Clashing() {
            super("clashing");
        }

        @Command(name = "pong", aliases = "p", help = "Clashes on its alias.")
        public void pong(CommandInvocation invocation) {
        }

        @Command(name = "help", help = "Takes the built-in.")
        public void help(CommandInvocation invocation) {
        }
    }

    @Test
    void everyBadSignatureIsReportedWithClassAndMethod() {
        List<String> problems = PluginRegistry.build(List.of(new BadHandlers()), Map.of()).problems();
        String prefix = BadHandlers.class.getName() + ".";
        assertThat(problems).hasSize(8).anySatisfy(p -> assertThat(p)
                        .startsWith(prefix + "noParameter (@OnEvent)").contains("exactly one parameter"))
                .anySatisfy(p -> assertThat(p).startsWith(prefix + "notAnEvent (@OnEvent)").contains("BotEvent"))
                .anySatisfy(p -> assertThat(p).startsWith(prefix + "returnsSomething (@OnEvent)").contains("must return void"))
                .anySatisfy(p -> assertThat(p).startsWith(prefix + "throwsChecked (@OnEvent)").contains("java.io.IOException"))
                .anySatisfy(p -> assertThat(p).startsWith(prefix + "notPublic (@OnEvent)").contains("must be public"))
                .anySatisfy(p -> assertThat(p).startsWith(prefix + "isStatic (@OnEvent)").contains("must not be static"))
                .anySatisfy(p -> assertThat(p).startsWith(prefix + "badCommandName (@Command)").contains("'bad name'"))
                .anySatisfy(p -> assertThat(p).startsWith(prefix + "wrongCommandParameter (@Command)")
                        .contains("CommandInvocation"));
    }

    @Test
    void unknownAndRepeatedPluginIdsInRoomsAreReported() {
        List<String> problems = PluginRegistry.build(List.of(new Good("welcome")),
                Map.of("lobby@conference.example.org", List.of("welcome", "welcom", "welcome"))).problems();
        assertThat(problems).containsExactlyInAnyOrder(
                "room lobby@conference.example.org: unknown plugin 'welcom' (known: [welcome])",
                "room lobby@conference.example.org: plugin 'welcome' is listed twice");
    }

    @Test
    void duplicateAndInvalidPluginIdsAreReported() {
        List<String> problems = PluginRegistry.build(List.of(new Good("same"), new Good("same"), new Good("Not OK")),
                Map.of()).problems();
        assertThat(problems).hasSize(2)
                .anySatisfy(p -> assertThat(p).startsWith("plugin id 'same' is used by both"))
                .anySatisfy(p -> assertThat(p).contains("invalid id 'Not OK'"));
    }

    @Test
    void commandNamesClashingAcrossPluginsOrWithHelpAreReported() {
        List<String> problems = PluginRegistry.build(List.of(new Good("good"), new Clashing()), Map.of()).problems();
        assertThat(problems).hasSize(2)
                .anySatisfy(p -> assertThat(p).contains("command name 'p' is already used by "
                        + Good.class.getName() + ".ping"))
                .anySatisfy(p -> assertThat(p).contains(".help (@Command): 'help' is built in"));
    }

    /**
     * Issue 16 item 3, "an ad-hoc join runs no plugins": a room the file does not declare (joined on an invitation
     * or by the ad-hoc join) runs invitations.plugins while the bot keeps it, and a room it does not keep runs none.
     */
    @Test
    void aKeptRoomTheFileDoesNotDeclareRunsTheInvitationPlugins() {
        java.util.Set<String> kept = java.util.Set.of("invited@conference.x");
        PluginRegistry registry = PluginRegistry.build(List.of(new Good("good"), new Base("quiet") { }),
                Map.of("lobby@conference.x", List.of("quiet")), List.of("good"), kept::contains);
        registry.markRunning("good");
        registry.markRunning("quiet");

        assertThat(registry.problems()).isEmpty();
        assertThat(registry.runningIn("invited@conference.x")).extracting(PluginRegistry.LoadedPlugin::id)
                .containsExactly("good");
        assertThat(registry.isEnabledIn("good", "invited@conference.x")).isTrue();
        assertThat(registry.runningIn("lobby@conference.x")).extracting(PluginRegistry.LoadedPlugin::id)
                .containsExactly("quiet");
        assertThat(registry.runningIn("stranger@conference.x")).isEmpty();
        assertThat(registry.isEnabledIn("good", "stranger@conference.x")).isFalse();
    }

    @Test
    void anUnknownInvitationPluginIsAProblemNamingTheKey() {
        assertThat(PluginRegistry.build(List.of(new Good("good")), Map.of(), List.of("karma"), room -> false).problems())
                .singleElement().asString().startsWith("invitations.plugins: unknown plugin 'karma'");
    }

    @Test
    void aCorrectPluginHasNoProblems() {
        assertThat(PluginRegistry.build(List.of(new Good("good")), Map.of("lobby@x", List.of("good"))).problems()).isEmpty();
    }

    @Test
    void aProgrammaticCommandCannotTakeATakenName() {
        CommandTable table = new CommandTable();
        table.register("a", CommandSpec.builder("Roll").aliases("dice").help("Rolls a die.").build(), invocation -> { });
        CommandSpec clashing = CommandSpec.builder("throw").aliases("dice").help("x").build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> table.register("b", clashing, invocation -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("command name 'dice' of plugin 'b' is already used by plugin 'a' (!roll)");
        assertThat(table.find("ROLL")).isPresent();
    }

    @Test
    void closingARegistrationRemovesTheCommand() {
        CommandTable table = new CommandTable();
        var registration = table.register("a", CommandSpec.builder("roll").aliases("dice").help("Rolls.").build(),
                invocation -> { });
        registration.close();
        assertThat(table.find("roll")).isEmpty();
        assertThat(table.find("dice")).isEmpty();
    }
}
