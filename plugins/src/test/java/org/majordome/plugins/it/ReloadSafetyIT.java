package org.majordome.plugins.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jivesoftware.smack.packet.Message;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityBareJid;
import org.majordome.api.Plugin;
import org.majordome.api.PluginContext;
import org.majordome.api.command.Command;
import org.majordome.api.command.CommandInvocation;
import org.majordome.api.command.CommandScope;
import org.majordome.app.ConfigReloader;
import org.majordome.app.RunningBot;
import org.majordome.config.ConfigLoader;
import org.majordome.room.RoomStatus;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.CapturedLog;
import org.majordome.testing.EveryServerExtension;
import org.majordome.testing.TestClients;
import org.majordome.testing.XmppTestClient;
import org.majordome.testing.support.Feature;
import org.majordome.testing.support.Proves;

/**
 * User scenario: the README's promise that "an invalid file changes nothing" on a reload (SIGHUP). A file
 * whose plugin values only failed when the plugins restarted is refused whole, and a plugin that fails to start
 * anyway leaves the previous plugins running: the bot never goes silent, in rooms or in direct chats.
 */
@Proves(Feature.RELOAD)
@ClassTemplate
class ReloadSafetyIT {

    @RegisterExtension
    static final EveryServerExtension servers = new EveryServerExtension();

    @TempDir
    Path dir;

    /** A plugin that answers {@code !flaky} with its configured answer, and throws at start when told to. */
    public static final class FlakyPlugin implements Plugin<FlakyPlugin.Config> {

        /** @param failAtStart whether start() throws (a plugin whose start fails for a reason no check sees) */
        public record Config(boolean failAtStart, String answer) {
            public static Config defaults() {
                return new Config(false, "first answer");
            }
        }

        private volatile PluginContext<Config> context;

        @Override
        public String id() {
            return "flaky";
        }

        @Override
        public Class<Config> configType() {
            return Config.class;
        }

        @Override
        public void start(PluginContext<Config> context) {
            if (context.config().failAtStart()) {
                throw new IllegalStateException("the flaky service is down");
            }
            this.context = context;
        }

        @Command(name = "flaky", help = "Answers what it was configured to.", maxArgs = 0,
                scopes = {CommandScope.ROOM, CommandScope.DIRECT})
        public void flaky(CommandInvocation invocation) {
            invocation.reply(context.config().answer());
        }
    }

    private String file(EntityBareJid room, EntityBareJid admin, String roomPlugins, String plugins) {
        return """
                connection:
                  jid: %s@%s
                  password: %s
                  host: %s
                  port: %d
                  tls: disabled
                admins: [%s]
                runtime:
                  data-directory: %s
                rooms:
                  - jid: %s
                    plugins: [%s]
                plugins:
                %s""".formatted(BotUnderTest.ACCOUNT, servers.server().domain(), BotUnderTest.PASSWORD,
                servers.server().host(), servers.server().port(), admin, dir.resolve("data"), room, roomPlugins,
                plugins);
    }

    private static final String GOOD_PLUGINS = """
              topic:
                subjects: ["Welcome to the lobby"]
                schedule: "0 0 8 * * ?"
            """;

    /**
     * Joined is not enough before a user joins: a room the bot has just created stays locked on Prosody
     * (XEP-0045 §10.1.2, others get item-not-found) until the bot has submitted its configuration.
     */
    private static void awaitReady(RunningBot bot) {
        await().atMost(Duration.ofSeconds(60)).until(() -> bot.rooms().allJoined()
                && bot.rooms().status().stream().allMatch(RoomStatus::ready));
    }

    @Test
    void aReloadedFileWithAnInvalidTopicCronLeftTheBotSilentEvenInDirectChats(TestClients clients) throws Exception {
        servers.server().register(BotUnderTest.ACCOUNT, BotUnderTest.PASSWORD);
        EntityBareJid room = servers.server().uniqueRoom("invalid-cron");
        XmppTestClient user = clients.connect("cron-user");
        Path config = Files.writeString(dir.resolve("bot.yml"), file(room, user.bareJid(), "core, topic",
                GOOD_PLUGINS));

        try (CapturedLog log = CapturedLog.of("org.majordome");
             RunningBot bot = RunningBot.start(new ConfigLoader(Map.of()).load(config))) {
            awaitReady(bot);
            user.join(room, "cron-user");

            Files.writeString(config, file(room, user.bareJid(), "core, topic", """
                      topic:
                        subjects: ["Welcome to the lobby"]
                        schedule: "every day at 8"
                    """));
            ConfigReloader.Result reload = bot.reload();

            assertThat(reload).isInstanceOfSatisfying(ConfigReloader.Rejected.class, rejected -> assertThat(
                    rejected.problems()).singleElement().asString()
                    .contains("bot.yml:16:15: plugins.topic.schedule: 'every day at 8' is not a Quartz cron"));
            assertThat(log.has("ERROR", "Configuration reload rejected", "bot.yml:16:15: plugins.topic.schedule"))
                    .isTrue();
            assertThat(log.lines()).noneMatch(line -> line.contains("Exception"));
            user.say(room, "!ping");
            user.awaitMessage("a pong in the room", message -> room.equals(fromBare(message))
                    && body(message).contains("pong"));
            user.chat(bot.config().connection().jid(), "!ping");
            user.awaitMessage("a pong in a direct chat", message -> message.getType() == Message.Type.chat
                    && bot.config().connection().jid().equals(fromBare(message)) && body(message).contains("pong"));
        }
    }

    @Test
    void aPluginThatFailsToStartOnReloadLeavesThePreviousPluginsRunningAndTellsTheAdmins(TestClients clients)
            throws Exception {
        servers.server().register(BotUnderTest.ACCOUNT, BotUnderTest.PASSWORD);
        EntityBareJid room = servers.server().uniqueRoom("failing-start");
        XmppTestClient admin = clients.connect("reload-admin");
        Path config = Files.writeString(dir.resolve("bot.yml"), file(room, admin.bareJid(), "core, topic, flaky",
                GOOD_PLUGINS));

        try (CapturedLog log = CapturedLog.of("org.majordome");
             RunningBot bot = RunningBot.start(new ConfigLoader(Map.of()).load(config), List.of(),
                     List.of(new FlakyPlugin()))) {
            awaitReady(bot);
            admin.join(room, "reload-admin");

            Files.writeString(config, file(room, admin.bareJid(), "core, topic, flaky", GOOD_PLUGINS + """
                      flaky:
                        fail-at-start: true
                        answer: "second answer"
                    """));
            ConfigReloader.Result reload = bot.reload();

            assertThat(reload).isInstanceOfSatisfying(ConfigReloader.Applied.class, applied -> assertThat(
                    applied.warnings()).anySatisfy(warning -> assertThat(warning.toString())
                    .contains("the new plugins failed to start", "the flaky service is down",
                            "the previous plugin configuration runs again")));
            assertThat(log.lines()).filteredOn(line -> line.contains("the new plugins failed to start"))
                    .singleElement().asString().startsWith("ERROR ");
            assertThat(log.lines()).noneMatch(line -> line.contains("no change"));
            admin.awaitMessage("a direct message about the failed reload", message ->
                    message.getType() == Message.Type.chat && body(message).contains("the new plugins failed to start"));
            admin.say(room, "!flaky");
            admin.awaitMessage("the previous generation's answer", message -> room.equals(fromBare(message))
                    && body(message).contains("first answer"));
            admin.say(room, "!ping");
            admin.awaitMessage("a pong", message -> room.equals(fromBare(message)) && body(message).contains("pong"));
        }
    }

    private static EntityBareJid fromBare(Message message) {
        return message.getFrom() == null ? null : message.getFrom().asEntityBareJidIfPossible();
    }

    private static String body(Message message) {
        return message.getBody() == null ? "" : message.getBody();
    }
}
