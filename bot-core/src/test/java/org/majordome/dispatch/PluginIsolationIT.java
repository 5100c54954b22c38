package org.majordome.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityBareJid;
import org.majordome.api.NoConfig;
import org.majordome.api.OnEvent;
import org.majordome.api.Plugin;
import org.majordome.api.PluginContext;
import org.majordome.api.command.Command;
import org.majordome.api.command.CommandInvocation;
import org.majordome.api.event.BotEvent;
import org.majordome.config.DispatchSettings;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.CapturedLog;
import org.majordome.testing.EveryServerExtension;
import org.majordome.testing.TestClients;
import org.majordome.testing.XmppTestClient;
import org.majordome.testing.support.Feature;
import org.majordome.testing.support.Proves;

/**
 * One plugin's failures stay its own, with real messages from real clients: a plugin that throws on every
 * event, one that blocks for a minute on every event and a script stuck in a loop do not stop a well-behaved
 * plugin in the same room, nor the rooms they are not in.
 */
@Proves(Feature.PLUGIN_ISOLATION)
@ClassTemplate
class PluginIsolationIT {

    private static final Duration HANDLER_TIME_LIMIT = Duration.ofMillis(500);

    @RegisterExtension
    static final EveryServerExtension servers = new EveryServerExtension();

    @TempDir
    Path dataDirectory;

    private final BlockingPlugin blocking = new BlockingPlugin();

    /** Lets the blocked calls end (in case a test failed before it did). */
    @AfterEach
    void unblock() {
        blocking.releaseAll();
    }

    /**
     * Done-when: with a throwing and a blocking plugin in the room, the echo plugin still answers every
     * command, in order, and the throwing plugin's own command gets a short failure answer.
     */
    @Test
    void wellBehavedPluginAnswersBesideThrowingAndBlockingOnes(TestClients clients) throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("shared");
        ThrowingPlugin throwing = new ThrowingPlugin();
        try (BotUnderTest bot = startBot(throwing, List.of(room), List.of());
             AutoCloseable unblocked = blocking::releaseAll) {
            XmppTestClient alice = clients.connect("alice");
            alice.join(room, "Alice");

            alice.say(room, "!echo first");
            alice.say(room, "!boom");
            alice.say(room, "!echo second");

            alice.awaitBodyFrom(room, "Alice: second");
            alice.awaitBodyFrom(room, "Alice: !boom failed; the bot's log says why.");
            // Each plugin answers in order; plugins of one room no longer wait for each other.
            assertThat(alice.bodiesFrom(room)).containsSubsequence("Alice: first", "Alice: second");
            // Its lane runs apart from the echo's: the answers above do not prove it reached the last message yet.
            await("the throwing plugin kept being called").atMost(Duration.ofSeconds(60))
                    .until(() -> throwing.calls.get() >= 4);
            await("the blocking plugin's first call").atMost(Duration.ofSeconds(60))
                    .until(() -> blocking.calls.get() >= 1);
            assertThat(blocking.calls.get()).as("the blocking plugin is skipped while its first call is stuck")
                    .isEqualTo(1);
            assertThat(bot.bot().metrics().scrape()).contains("majordome_plugin_calls_skipped_total");
        }
    }

    /**
     * Done-when (other rooms): while the blocking plugin is stuck in one room, a room without it answers,
     * and the stuck plugin's own room too, in order (its lane alone waits).
     */
    @Test
    void otherRoomsAnswerWhileOneRoomIsHeldUp(TestClients clients) throws Exception {
        EntityBareJid troubled = servers.server().uniqueRoom("troubled");
        EntityBareJid calm = servers.server().uniqueRoom("calm");
        try (BotUnderTest bot = startBot(new ThrowingPlugin(), List.of(troubled), List.of(calm));
             AutoCloseable unblocked = blocking::releaseAll) {
            XmppTestClient alice = clients.connect("alice");
            alice.join(troubled, "Alice");
            alice.join(calm, "Alice");

            int backlog = 6;
            for (int i = 1; i <= backlog; i++) {
                alice.say(troubled, "!echo troubled " + i);
            }
            alice.say(calm, "!echo calm");

            alice.awaitBodyFrom(troubled, "Alice: troubled " + backlog);
            alice.awaitBodyFrom(calm, "Alice: calm");
            assertThat(alice.bodiesFrom(troubled)).containsSubsequence(
                    "Alice: troubled 1", "Alice: troubled 2", "Alice: troubled 3",
                    "Alice: troubled 4", "Alice: troubled 5", "Alice: troubled 6");
        }
    }

    /**
     * Issue 13 item 8, "a slow or looping plugin never holds its room", as a room keeper sees it: a script
     * stuck in a loop (until its time limit interrupts it, 30 s here: time enough for a loaded machine to answer)
     * does not delay the other plugins of the room: {@code !ping} (another script) and {@code !echo} (a Java plugin)
     * are answered while the loop still runs, that is before the loop's time-limit line is logged.
     */
    @Test
    void aLoopingScriptNeverHoldsItsRoom(TestClients clients) throws Exception {
        Path scripts = Files.createDirectories(dataDirectory.resolve("scripts"));
        Files.writeString(scripts.resolve("spin.js"), """
                bot.command({ name: 'spin', help: 'Loops until interrupted.' }, (cmd) => { while (true) {} });
                """);
        Files.writeString(scripts.resolve("pong.js"), """
                bot.command({ name: 'ping', help: 'Answers pong.' }, (cmd) => cmd.reply('pong'));
                """);
        EntityBareJid room = servers.server().uniqueRoom("looping");
        try (CapturedLog log = CapturedLog.of("org.majordome");
             BotUnderTest bot = BotUnderTest.builder(servers.server()).dataDirectory(dataDirectory.resolve("bot"))
                     .plugin(new EchoPlugin())
                     .room(room, "spin", "pong", EchoPlugin.ID)
                     .dispatch(new DispatchSettings("!", 100, Duration.ofSeconds(10), true, 1000,
                             Duration.ofMinutes(2), Optional.empty(), Optional.of(scripts), Duration.ofSeconds(30)))
                     .start()) {
            bot.awaitJoined(room);
            XmppTestClient alice = clients.connect("alice");
            alice.join(room, "Alice");

            alice.say(room, "!spin");
            alice.say(room, "!ping");
            alice.say(room, "!echo still answering");
            alice.awaitBodyFrom(room, "Alice: pong");
            alice.awaitBodyFrom(room, "Alice: still answering");
            assertThat(log.lines()).as("the loop is still running: its time limit has not interrupted it yet")
                    .noneMatch(line -> line.contains("exceeded its time limit"));

            await("the loop interrupted at its time limit").atMost(Duration.ofSeconds(120))
                    .until(() -> log.has("WARN", "spin.js", "spin exceeded its time limit"));
            alice.say(room, "!ping");
            await().atMost(Duration.ofSeconds(60)).until(() -> alice.bodiesFrom(room).stream()
                    .filter("Alice: pong"::equals).count() == 2);
        }
    }

    /**
     * @param troubledRooms rooms with the throwing, blocking and echo plugins
     * @param calmRooms     rooms with the echo plugin only
     */
    private BotUnderTest startBot(ThrowingPlugin throwing, List<EntityBareJid> troubledRooms,
                                  List<EntityBareJid> calmRooms) {
        BotUnderTest.Builder builder = BotUnderTest.builder(servers.server())
                .plugin(throwing).plugin(blocking).plugin(new EchoPlugin())
                .dispatch(new DispatchSettings("!", 100, Duration.ofSeconds(10), true, 1000, HANDLER_TIME_LIMIT,
                        Optional.empty()))
                .dataDirectory(dataDirectory);
        troubledRooms.forEach(room -> builder.room(room, ThrowingPlugin.ID, BlockingPlugin.ID, EchoPlugin.ID));
        calmRooms.forEach(room -> builder.room(room, EchoPlugin.ID));
        BotUnderTest bot = builder.start();
        bot.awaitJoined(troubledRooms.toArray(EntityBareJid[]::new));
        bot.awaitJoined(calmRooms.toArray(EntityBareJid[]::new));
        return bot;
    }

    /** Throws on every event it gets, and from its command. */
    public static final class ThrowingPlugin implements Plugin<NoConfig> {
        static final String ID = "throwing";
        final AtomicInteger calls = new AtomicInteger();

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
            // Nothing to keep: it only fails.
        }

        @OnEvent
        public void onAnything(BotEvent event) {
            calls.incrementAndGet();
            throw new IllegalStateException("the throwing plugin fails on " + event.getClass().getSimpleName());
        }

        @Command(name = "boom", help = "Fails.")
        public void boom(CommandInvocation invocation) {
            throw new IllegalStateException("boom");
        }
    }

    /** Blocks every event for a minute, or until the test releases it. */
    public static final class BlockingPlugin implements Plugin<NoConfig> {
        static final String ID = "blocking";
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger calls = new AtomicInteger();

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
            // Nothing to keep: it only blocks.
        }

        /** Ends the blocked calls, before the bot stops (which otherwise waits for them a few seconds). */
        void releaseAll() {
            release.countDown();
        }

        @OnEvent
        public void onAnything(BotEvent event) {
            calls.incrementAndGet();
            try {
                release.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The well-behaved plugin: repeats what it is told. */
    public static final class EchoPlugin implements Plugin<NoConfig> {
        static final String ID = "echo";

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
            // Stateless.
        }

        @Command(name = "echo", usage = "<text>", help = "Repeats the text.", minArgs = 1)
        public void echo(CommandInvocation invocation) {
            invocation.reply(invocation.argumentText());
        }
    }
}
