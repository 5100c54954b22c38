package org.majordome.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jivesoftware.smack.packet.Message;
import org.junit.jupiter.api.AfterEach;
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
import org.majordome.testing.ProsodyExtension;
import org.majordome.testing.TestClients;
import org.majordome.testing.XmppTestClient;

/**
 * One plugin's failures stay its own, with real messages from real clients: a plugin that throws on every
 * event and one that blocks for a minute on every event do not stop a well-behaved plugin in the same room,
 * nor the rooms they are not in.
 */
class PluginIsolationIT {

    private static final Duration HANDLER_TIME_LIMIT = Duration.ofMillis(500);

    @RegisterExtension
    static final ProsodyExtension prosody = new ProsodyExtension();

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
        EntityBareJid room = prosody.server().uniqueRoom("shared");
        ThrowingPlugin throwing = new ThrowingPlugin();
        try (BotUnderTest bot = startBot(throwing, List.of(room), List.of());
             AutoCloseable unblocked = blocking::releaseAll) {
            XmppTestClient alice = clients.connect("alice");
            alice.join(room, "Alice");

            alice.say(room, "!echo first");
            alice.say(room, "!boom");
            alice.say(room, "!echo second");

            alice.awaitBodyFrom(room, "Alice: second");
            assertThat(alice.bodiesFrom(room)).containsSubsequence("Alice: first",
                    "Alice: !boom failed; the bot's log says why.", "Alice: second");
            assertThat(throwing.calls.get()).as("the throwing plugin kept being called").isGreaterThanOrEqualTo(4);
            assertThat(blocking.calls.get()).as("the blocking plugin is skipped while its first call is stuck")
                    .isEqualTo(1);
            assertThat(bot.bot().metrics().scrape()).contains("majordome_plugin_calls_skipped_total");
        }
    }

    /**
     * Done-when (other rooms): while a room's queue is held up by the blocking plugin, a room without it
     * answers at once, ahead of the held-up room's backlog.
     */
    @Test
    void otherRoomsAnswerWhileOneRoomIsHeldUp(TestClients clients) throws Exception {
        EntityBareJid troubled = prosody.server().uniqueRoom("troubled");
        EntityBareJid calm = prosody.server().uniqueRoom("calm");
        try (BotUnderTest bot = startBot(new ThrowingPlugin(), List.of(troubled), List.of(calm));
             AutoCloseable unblocked = blocking::releaseAll) {
            XmppTestClient alice = clients.connect("alice");
            alice.join(troubled, "Alice");
            alice.join(calm, "Alice");

            int backlog = 6;   // the first message holds the troubled room for the handler time limit
            for (int i = 1; i <= backlog; i++) {
                alice.say(troubled, "!echo troubled " + i);
            }
            alice.say(calm, "!echo calm");

            alice.awaitBodyFrom(troubled, "Alice: troubled " + backlog);
            List<String> answers = alice.received().stream()
                    .map(Message::getBody)
                    .filter(body -> body != null && body.startsWith("Alice: "))
                    .toList();
            assertThat(answers.indexOf("Alice: calm"))
                    .as("the calm room answered before the troubled room's last answer: %s", answers)
                    .isNotNegative()
                    .isLessThan(answers.indexOf("Alice: troubled " + backlog));
            assertThat(alice.bodiesFrom(troubled)).containsSubsequence(
                    "Alice: troubled 1", "Alice: troubled 2", "Alice: troubled 3",
                    "Alice: troubled 4", "Alice: troubled 5", "Alice: troubled 6");
        }
    }

    /**
     * @param troubledRooms rooms with the throwing, blocking and echo plugins
     * @param calmRooms     rooms with the echo plugin only
     */
    private BotUnderTest startBot(ThrowingPlugin throwing, List<EntityBareJid> troubledRooms,
                                  List<EntityBareJid> calmRooms) {
        BotUnderTest.Builder builder = BotUnderTest.builder(prosody.server())
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
