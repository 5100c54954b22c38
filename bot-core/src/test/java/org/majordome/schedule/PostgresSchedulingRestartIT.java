package org.majordome.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityBareJid;
import org.majordome.api.Plugin;
import org.majordome.api.storage.PluginStorage;
import org.majordome.config.DatabaseConnection;
import org.majordome.store.Database;
import org.majordome.store.DatabaseSettings;
import org.majordome.store.StorageService;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.PostgresExtension;
import org.majordome.testing.ProsodyExtension;
import org.majordome.testing.TestClients;
import org.majordome.testing.XmppTestClient;

/**
 * {@link SchedulingRestartIT}'s two scenarios with the bot's state on a real PostgreSQL ({@code runtime.database}):
 * the Quartz job store (PostgreSQLDelegate) keeps a persistent reminder across a restart of the bot, which fires it
 * once, and an every-second cron job never runs a second twice across the restart.
 *
 * <p>On Prosody only: what this class varies is the database; the same scenarios run on both XMPP servers with the
 * embedded database in {@link SchedulingRestartIT}.
 */
class PostgresSchedulingRestartIT {

    @RegisterExtension
    static final ProsodyExtension prosody = new ProsodyExtension();

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    @TempDir
    Path dataDirectory;

    @Test
    void aPersistentReminderSurvivesARestartAndFiresOnceOnPostgreSql(TestClients clients) {
        DatabaseConnection database = postgres.newDatabase("reminders");
        EntityBareJid room = prosody.server().uniqueRoom("pg-reminders");
        XmppTestClient alice = clients.connect("alice");

        try (BotUnderTest bot = startBot(room, database, new SchedulingRestartIT.ReminderPlugin())) {
            alice.join(room, "Alice");
            alice.say(room, "!remind 5 stretch your legs");
            alice.awaitMessage("the reminder's acknowledgement", message -> message.getBody() != null
                    && message.getBody().startsWith("Alice: reminder 1 set for "));
        }
        try (BotUnderTest restarted = startBot(room, database, new SchedulingRestartIT.ReminderPlugin())) {
            alice.awaitBodyFrom(room, "Reminder: stretch your legs");
        }

        assertThat(alice.bodiesFrom(room)).filteredOn(body -> body.startsWith("Reminder:"))
                .as("one reminder in the room").containsExactly("Reminder: stretch your legs");
        try (Database opened = Database.open(settings(database))) {
            PluginStorage storage = new StorageService(opened).forPlugin(SchedulingRestartIT.ReminderPlugin.ID);
            assertThat(storage.room(room.toString()).entries("fired:"))
                    .as("one run recorded").containsExactly(Map.entry("fired:reminder-1", "1"));
            try (SchedulerService scheduler = SchedulerService.start(opened, SchedulerSettings.defaults(),
                    Clock.systemUTC())) {
                assertThat(scheduler.forPlugin(SchedulingRestartIT.ReminderPlugin.ID).room(room.toString()).jobs())
                        .as("nothing left to fire again").isEmpty();
            }
        }
    }

    @Test
    void anEverySecondCronJobNeverRunsASecondTwiceAcrossARestartOnPostgreSql() {
        DatabaseConnection database = postgres.newDatabase("ticks");
        EntityBareJid room = prosody.server().uniqueRoom("pg-ticks");
        long lastSlotBeforeRestart;
        SchedulingRestartIT.TickPlugin first = new SchedulingRestartIT.TickPlugin();
        try (BotUnderTest bot = startBot(room, database, first)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> first.slots().size() >= 3);
            lastSlotBeforeRestart = first.slots().lastKey();
        }
        SchedulingRestartIT.TickPlugin second = new SchedulingRestartIT.TickPlugin();
        try (BotUnderTest restarted = startBot(room, database, second)) {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> second.slots().tailMap(lastSlotBeforeRestart + 1).size() >= 3);
        }

        try (Database opened = Database.open(settings(database))) {
            Map<String, String> runsBySlot = new StorageService(opened).forPlugin(SchedulingRestartIT.TickPlugin.ID)
                    .entries("slot:");
            assertThat(runsBySlot).as("runs per second scheduled for").hasSizeGreaterThanOrEqualTo(6)
                    .allSatisfy((slot, runs) -> assertThat(runs).as(slot).isEqualTo("1"));
        }
    }

    private static DatabaseSettings settings(DatabaseConnection database) {
        return DatabaseSettings.jdbc(database.jdbcUrl(), database.user(), null);
    }

    private BotUnderTest startBot(EntityBareJid room, DatabaseConnection database, Plugin<?> plugin) {
        return BotUnderTest.builder(prosody.server())
                .plugin(plugin)
                .room(room, plugin.id())
                .dataDirectory(dataDirectory)
                .database(database)
                .start()
                .awaitJoined(room);
    }
}
