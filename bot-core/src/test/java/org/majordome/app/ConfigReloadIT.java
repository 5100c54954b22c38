package org.majordome.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityBareJid;
import org.majordome.config.ConfigLoader;
import org.majordome.room.RoomStatus;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.CapturedLog;
import org.majordome.testing.EveryServerExtension;
import org.majordome.testing.TestClients;
import org.majordome.testing.support.Feature;
import org.majordome.testing.support.Proves;

/** Reloading the configuration file while the bot runs (what SIGHUP does). */
@Proves(Feature.RELOAD)
@ClassTemplate
class ConfigReloadIT {

    @RegisterExtension
    static final EveryServerExtension servers = new EveryServerExtension();

    @TempDir
    Path dir;

    private String configText(EntityBareJid... rooms) {
        StringBuilder yaml = new StringBuilder("""
                connection:
                  jid: %s@%s
                  password: %s
                  host: %s
                  port: %d
                  tls: disabled
                runtime:
                  data-directory: data
                  reconcile-interval: 2s
                rooms:
                """.formatted(BotUnderTest.ACCOUNT, servers.server().domain(), BotUnderTest.PASSWORD,
                servers.server().host(), servers.server().port()));
        for (EntityBareJid room : rooms) {
            yaml.append("  - jid: ").append(room).append("\n    config:\n      title: Title of ")
                    .append(room.getLocalpart()).append('\n');
        }
        return yaml.toString();
    }

    @Test
    void addedRoomsAreJoinedRemovedOnesLeftAndAnInvalidFileChangesNothing(TestClients clients) throws Exception {
        servers.server().register(BotUnderTest.ACCOUNT, BotUnderTest.PASSWORD);
        EntityBareJid first = servers.server().uniqueRoom("reload-first");
        EntityBareJid second = servers.server().uniqueRoom("reload-second");
        Path file = dir.resolve("bot.yml");
        Files.writeString(file, configText(first));

        try (RunningBot bot = RunningBot.start(new ConfigLoader(Map.of()).load(file))) {
            await().atMost(Duration.ofSeconds(60)).until(bot.rooms()::allJoined);

            Files.writeString(file, configText(second));
            ConfigReloader.Result applied = bot.reload();

            assertThat(applied).isInstanceOfSatisfying(ConfigReloader.Applied.class, result -> assertThat(result.changes())
                    .map(Object::toString).contains("left " + first, "joining " + second));
            await().atMost(Duration.ofSeconds(60)).until(() -> bot.rooms().status().stream()
                    .anyMatch(room -> room.roomJid().equals(second.toString()) && room.state() == RoomStatus.State.JOINED));
            assertThat(bot.rooms().status()).extracting(RoomStatus::roomJid).containsExactly(second.toString());
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> clients.roomInfo(second).title().orElse("").equals("Title of " + second.getLocalpart()));

            Files.writeString(file, configText(first, second) + "  - jid: not a room\n");
            ConfigReloader.Result rejected = bot.reload();

            assertThat(rejected).isInstanceOfSatisfying(ConfigReloader.Rejected.class, result -> assertThat(result.problems())
                    .anySatisfy(problem -> assertThat(problem).contains("rooms[2].jid")));
            assertThat(bot.rooms().status()).extracting(RoomStatus::roomJid).containsExactly(second.toString());
            assertThat(bot.rooms().allJoined()).isTrue();
        }
    }

    /** Issue: "no change" was logged for a file whose restart-only settings (the monitoring port) had changed. */
    @Test
    void aChangedMonitoringPortWasLoggedAsNoChange() throws Exception {
        servers.server().register(BotUnderTest.ACCOUNT, BotUnderTest.PASSWORD);
        EntityBareJid room = servers.server().uniqueRoom("reload-port");
        Path file = dir.resolve("bot.yml");
        Files.writeString(file, configText(room));

        try (CapturedLog log = CapturedLog.of("org.majordome.app");
             RunningBot bot = RunningBot.start(new ConfigLoader(Map.of()).load(file))) {
            await().atMost(Duration.ofSeconds(60)).until(bot.rooms()::allJoined);

            Files.writeString(file, configText(room).replace("  reconcile-interval: 2s\n",
                    "  reconcile-interval: 3s\n") + "monitoring:\n  http-port: 9\n");
            ConfigReloader.Result reload = bot.reload();

            assertThat(reload).isInstanceOfSatisfying(ConfigReloader.Applied.class, applied -> assertThat(
                    applied.warnings()).map(Object::toString).containsExactly(
                    "needs a restart: runtime.reconcile-interval, monitoring.http-port"));
            assertThat(log.has("WARN", "Configuration reload: needs a restart: runtime.reconcile-interval, "
                    + "monitoring.http-port")).isTrue();
            assertThat(log.lines()).noneMatch(line -> line.contains("no change"));
            assertThat(bot.monitoringPort()).as("still the port it started with").isEmpty();
        }
    }

    /**
     * Issue 22 item 7: configuration that can never apply (here the section of a script no room enables) is logged
     * as a warning at start and on every reload, and the bot runs.
     */
    @Test
    void configurationThatCanNeverApplyIsLoggedAtStartAndOnReload() throws Exception {
        servers.server().register(BotUnderTest.ACCOUNT, BotUnderTest.PASSWORD);
        EntityBareJid room = servers.server().uniqueRoom("reload-warned");
        Files.createDirectories(dir.resolve("scripts"));
        Files.writeString(dir.resolve("scripts/hello.js"), "bot.log.info('hello');\n");
        Path file = dir.resolve("bot.yml");
        String text = configText(room) + "dispatch:\n  scripts-directory: scripts\nplugins:\n  hello: {greeting: hi}\n";
        Files.writeString(file, text);
        String warning = "warning: plugins.hello: plugin 'hello' is enabled in no room";

        try (CapturedLog log = CapturedLog.of("org.majordome.app");
             PluginFinder finder = new PluginFinder(java.util.List.of())) {
            try (RunningBot bot = RunningBot.start(new ConfigLoader(Map.of()).load(file, finder))) {
                assertThat(log.has("WARN", "Configuration: " + file, warning)).as(log.lines().toString()).isTrue();
                await().atMost(Duration.ofSeconds(60)).until(bot.rooms()::allJoined);

                Files.writeString(file, text.replace("greeting: hi", "greeting: hello"));
                assertThat(bot.reload()).isInstanceOf(ConfigReloader.Applied.class);

                assertThat(log.has("WARN", "Configuration reload: " + file, warning)).as(log.lines().toString())
                        .isTrue();
            }
        }
    }
}
