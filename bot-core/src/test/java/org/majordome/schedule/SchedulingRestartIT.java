package org.majordome.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityBareJid;
import org.majordome.api.NoConfig;
import org.majordome.api.Plugin;
import org.majordome.api.PluginContext;
import org.majordome.api.command.Command;
import org.majordome.api.command.CommandInvocation;
import org.majordome.api.schedule.CatchUp;
import org.majordome.api.schedule.Firing;
import org.majordome.api.storage.PluginStorage;
import org.majordome.store.Database;
import org.majordome.store.DatabaseSettings;
import org.majordome.store.StorageService;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.EveryServerExtension;
import org.majordome.testing.TestClients;
import org.majordome.testing.XmppTestClient;
import org.majordome.testing.support.Feature;
import org.majordome.testing.support.Proves;

/**
 * Plugin schedules across a restart of the whole bot (stopped, then started again on the same data
 * directory): a persistent one-shot job set by a chat command fires once, after the restart; an
 * every-second cron job never runs the same second twice.
 */
@Proves(Feature.SCHEDULING)
@ClassTemplate
class SchedulingRestartIT {

    @RegisterExtension
    static final EveryServerExtension servers = new EveryServerExtension();

    @TempDir
    Path dataDirectory;

    /**
     * Done-when: a one-shot persistent job scheduled for +5 s survives a bot restart in between and fires
     * exactly once (one message in the room, one run recorded, nothing left stored to fire again).
     */
    @Test
    void aPersistentReminderSurvivesARestartAndFiresOnce(TestClients clients) {
        EntityBareJid room = servers.server().uniqueRoom("reminders");
        XmppTestClient alice = clients.connect("alice");

        try (BotUnderTest bot = startBot(room, new ReminderPlugin())) {
            alice.join(room, "Alice");
            alice.say(room, "!remind 5 stretch your legs");
            alice.awaitMessage("the reminder's acknowledgement", message -> message.getBody() != null
                    && message.getBody().startsWith("Alice: reminder 1 set for "));
        }
        try (BotUnderTest restarted = startBot(room, new ReminderPlugin())) {
            alice.awaitBodyFrom(room, "Reminder: stretch your legs");
        }

        assertThat(alice.bodiesFrom(room)).filteredOn(body -> body.startsWith("Reminder:"))
                .as("one reminder in the room").containsExactly("Reminder: stretch your legs");
        try (Database database = Database.open(DatabaseSettings.embedded(dataDirectory))) {
            PluginStorage storage = new StorageService(database).forPlugin(ReminderPlugin.ID);
            assertThat(storage.room(room.toString()).entries("fired:"))
                    .as("one run recorded").containsExactly(Map.entry("fired:reminder-1", "1"));
            try (SchedulerService scheduler = SchedulerService.start(database, SchedulerSettings.defaults(),
                    Clock.systemUTC())) {
                assertThat(scheduler.forPlugin(ReminderPlugin.ID).room(room.toString()).jobs())
                        .as("nothing left to fire again").isEmpty();
            }
        }
    }

    /**
     * Done-when: a cron job (every second, no catch-up) does not fire twice for the same second across a
     * restart; each run records the second it was scheduled for.
     */
    @Test
    void anEverySecondCronJobNeverRunsASecondTwiceAcrossARestart() {
        EntityBareJid room = servers.server().uniqueRoom("ticks");
        long lastSlotBeforeRestart;
        TickPlugin first = new TickPlugin();
        try (BotUnderTest bot = startBot(room, first)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> first.slots().size() >= 3);
            lastSlotBeforeRestart = first.slots().lastKey();
        }
        TickPlugin second = new TickPlugin();
        try (BotUnderTest restarted = startBot(room, second)) {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> second.slots().tailMap(lastSlotBeforeRestart + 1).size() >= 3);
        }

        try (Database database = Database.open(DatabaseSettings.embedded(dataDirectory))) {
            Map<String, String> runsBySlot = new StorageService(database).forPlugin(TickPlugin.ID).entries("slot:");
            assertThat(runsBySlot).as("runs per second scheduled for").hasSizeGreaterThanOrEqualTo(6)
                    .allSatisfy((slot, runs) -> assertThat(runs).as(slot).isEqualTo("1"));
        }
    }

    private BotUnderTest startBot(EntityBareJid room, Plugin<?> plugin) {
        return BotUnderTest.builder(servers.server())
                .plugin(plugin)
                .room(room, plugin.id())
                .dataDirectory(dataDirectory)
                .start()
                .awaitJoined(room);
    }

    /** {@code !remind <seconds> <text>}: a persistent reminder posted to the room when due. */
    public static final class ReminderPlugin implements Plugin<NoConfig> {
        static final String ID = "reminders";
        private static final String KIND = "remind";
        private PluginContext<NoConfig> context;

        @Override
        public String id() {
            return ID;
        }

        @Override
        public Class<NoConfig> configType() {
            return NoConfig.class;
        }

        @Override
        public void start(PluginContext<NoConfig> context) {
            this.context = context;
            context.scheduler().onPersistentJob(KIND, this::remind);
        }

        @Command(name = "remind", usage = "<seconds> <text>", help = "Reminds the room later.", minArgs = 2)
        public void schedule(CommandInvocation invocation) {
            String room = invocation.room().orElseThrow().roomJid();
            long number = context.storage().room(room).nextSequence("reminders");
            Instant due = context.clock().instant().plusSeconds(Long.parseLong(invocation.argument(0).orElseThrow()));
            context.scheduler().room(room).schedulePersistent(KIND, "reminder-" + number, due,
                    invocation.argumentsFrom(1));
            invocation.reply("reminder " + number + " set for " + due);
        }

        private void remind(String text, Firing firing) {
            String room = firing.roomJid().orElseThrow();
            context.storage().room(room).increment("fired:" + firing.jobName(), 1);
            context.rooms().room(room).ifPresent(handle -> handle.send("Reminder: " + text));
        }
    }

    /** Records, for each run of an every-second cron job, the second it was scheduled for. */
    public static final class TickPlugin implements Plugin<NoConfig> {
        static final String ID = "ticks";
        private volatile PluginContext<NoConfig> context;

        @Override
        public String id() {
            return ID;
        }

        @Override
        public Class<NoConfig> configType() {
            return NoConfig.class;
        }

        @Override
        public void start(PluginContext<NoConfig> context) {
            this.context = context;
            context.scheduler().cron("tick", "* * * * * ?", ZoneOffset.UTC, CatchUp.NONE, firing ->
                    context.storage().increment("slot:" + firing.scheduledFor().getEpochSecond(), 1));
        }

        /** Runs by epoch second, as stored. */
        SortedMap<Long, Long> slots() {
            SortedMap<Long, Long> slots = new TreeMap<>();
            context.storage().entries("slot:").forEach((key, runs) ->
                    slots.put(Long.parseLong(key.substring("slot:".length())), Long.parseLong(runs)));
            return slots;
        }
    }
}
