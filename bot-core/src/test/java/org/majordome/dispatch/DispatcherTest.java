package org.majordome.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.majordome.api.NoConfig;
import org.majordome.api.OnEvent;
import org.majordome.api.Plugin;
import org.majordome.api.PluginContext;
import org.majordome.api.command.Command;
import org.majordome.api.command.CommandInvocation;
import org.majordome.api.event.RoomEvent;
import org.majordome.api.event.RoomMessageReceivedEvent;
import org.majordome.testkit.PluginTestKit;
import org.slf4j.MDC;

class DispatcherTest {

    private static final String LOBBY = "lobby@conference.example.org";
    private static final String GARDEN = "garden@conference.example.org";

    private final ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void releaseStuckPluginsAndStop() {
        release.countDown();
        virtualThreads.shutdownNow();
    }

    /** Records the bodies it receives, per room. */
    public static class Recorder implements Plugin<NoConfig> {
        private final String id;
        final Map<String, List<String>> bodiesByRoom = new ConcurrentHashMap<>();

        Recorder(String id) {
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

        @OnEvent
        public void on(RoomMessageReceivedEvent event) {
            bodiesByRoom.computeIfAbsent(event.roomJid(), room -> new CopyOnWriteArrayList<>()).add(event.message().body());
        }

        List<String> in(String room) {
            return bodiesByRoom.getOrDefault(room, List.of());
        }
    }

    /** Throws on every event. */
    public static class Thrower extends Recorder {
        Thrower() {
            super("thrower");
        }

        @Override
        @OnEvent
        public void on(RoomMessageReceivedEvent event) {
            throw new IllegalStateException("boom");
        }
    }

    /** Blocks on a latch for every message whose body starts with "block" in the rooms it is enabled in. */
    public class Blocker extends Recorder {
        /** Calls that reached the latch. */
        final java.util.concurrent.atomic.AtomicInteger blocked = new java.util.concurrent.atomic.AtomicInteger();

        Blocker() {
            super("blocker");
        }

        @Override
        @OnEvent
        public void on(RoomMessageReceivedEvent event) {
            if (event.message().body().startsWith("block")) {
                blocked.incrementAndGet();
                try {
                    release.await();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            super.on(event);
        }
    }

    private PluginTestKit kit(List<? extends Plugin<?>> plugins, Map<String, List<String>> rooms,
                              DispatcherSettings settings) {
        return kit(plugins, rooms, settings, virtualThreads, virtualThreads);
    }

    private static PluginTestKit kit(List<? extends Plugin<?>> plugins, Map<String, List<String>> rooms,
                                     DispatcherSettings settings, Executor drainExecutor, Executor handlerExecutor) {
        PluginTestKit.Builder builder = PluginTestKit.builder().settings(settings).executors(drainExecutor, handlerExecutor);
        plugins.forEach(builder::plugin);
        rooms.forEach(builder::room);
        return builder.start();
    }

    @Test
    void eventsOfOneRoomArriveInOrderWhileRoomsInterleave() {
        Recorder recorder = new Recorder("recorder");
        PluginTestKit bot = kit(List.of(recorder), Map.of(LOBBY, List.of("recorder"), GARDEN, List.of("recorder")),
                DispatcherSettings.defaults());
        List<String> expected = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            expected.add("m" + i);
            bot.dispatcher().offer(Fixtures.say(LOBBY, Fixtures.participant("a"), "m" + i));
            bot.dispatcher().offer(Fixtures.say(GARDEN, Fixtures.participant("b"), "m" + i));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> bot.dispatcher().stats().eventsDispatched() == 400);
        assertThat(recorder.in(LOBBY)).containsExactlyElementsOf(expected);
        assertThat(recorder.in(GARDEN)).containsExactlyElementsOf(expected);
    }

    @Test
    void aBusyRoomDoesNotDelayAnotherRoom() {
        Blocker blocker = new Blocker();
        PluginTestKit bot = kit(List.of(blocker), Map.of(LOBBY, List.of("blocker"), GARDEN, List.of("blocker")),
                DispatcherSettings.defaults().withHandlerTimeLimit(Duration.ofMinutes(5)));
        bot.dispatcher().offer(Fixtures.say(LOBBY, Fixtures.participant("a"), "block please"));
        bot.dispatcher().offer(Fixtures.say(LOBBY, Fixtures.participant("a"), "after the block"));
        bot.dispatcher().offer(Fixtures.say(GARDEN, Fixtures.participant("b"), "hello garden"));

        await().atMost(Duration.ofSeconds(60)).until(() -> blocker.in(GARDEN).contains("hello garden"));
        assertThat(blocker.in(LOBBY)).as("the lobby waits for its blocked handler").isEmpty();

        release.countDown();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> blocker.in(LOBBY).equals(List.of("block please", "after the block")));
    }

    @Test
    void aThrowingPluginIsLoggedAndTheOthersStillGetTheEvent() {
        Recorder before = new Recorder("before");
        Recorder after = new Recorder("after");
        PluginTestKit bot = kit(List.of(before, new Thrower(), after),
                Map.of(LOBBY, List.of("before", "thrower", "after")), DispatcherSettings.defaults());

        bot.dispatcher().offer(Fixtures.say(LOBBY, Fixtures.participant("a"), "one"));
        bot.dispatcher().offer(Fixtures.say(LOBBY, Fixtures.participant("a"), "two"));

        await().atMost(Duration.ofSeconds(60)).until(() -> after.in(LOBBY).size() == 2);
        assertThat(before.in(LOBBY)).containsExactly("one", "two");
        assertThat(after.in(LOBBY)).containsExactly("one", "two");
        assertThat(bot.dispatcher().stats().handlerErrors()).isEqualTo(2);
    }

    @Test
    void aStuckPluginIsLeftBehindAtTheTimeLimitAndIsSkippedUntilItReturns() {
        Blocker blocker = new Blocker();
        Recorder recorder = new Recorder("recorder");
        PluginTestKit bot = kit(List.of(blocker, recorder), Map.of(LOBBY, List.of("blocker", "recorder")),
                DispatcherSettings.defaults().withHandlerTimeLimit(Duration.ofMillis(100)));

        bot.dispatcher().offer(Fixtures.say(LOBBY, Fixtures.participant("a"), "block forever"));
        for (int i = 0; i < 20; i++) {
            bot.dispatcher().offer(Fixtures.say(LOBBY, Fixtures.participant("a"), "next " + i));
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> recorder.in(LOBBY).size() == 21
                && bot.dispatcher().stats().eventsDispatched() == 21);
        assertThat(blocker.in(LOBBY)).as("the stuck plugin is skipped while its call runs late").isEmpty();
        DispatchStats stats = bot.dispatcher().stats();
        assertThat(stats.handlerTimeouts()).as("only the first call waited out the limit").isEqualTo(1);
        assertThat(stats.handlerCallsSkipped()).isEqualTo(20);
        assertThat(stats.handlersRunningLate()).isEqualTo(1);

        release.countDown();
        await().atMost(Duration.ofSeconds(60)).until(() -> bot.dispatcher().stats().handlersRunningLate() == 0);
        bot.dispatcher().offer(Fixtures.say(LOBBY, Fixtures.participant("a"), "after"));
        await().atMost(Duration.ofSeconds(60)).until(() -> blocker.in(LOBBY).contains("after"));
        assertThat(blocker.in(LOBBY)).containsExactlyInAnyOrder("block forever", "after");
    }

    /**
     * Issue 13 item 8, "a slow or looping plugin never holds its room": the blocker's call waits for the
     * other plugin of the same room to have seen the same message and answered a command after it. When one
     * room's plugins are called one after the other this never happens (the time limit is far away).
     */
    @Test
    void aSlowOrLoopingPluginNeverHoldsItsRoom() {
        Recorder recorder = new Recorder("recorder");
        List<String> answered = new CopyOnWriteArrayList<>();
        Plugin<NoConfig> answering = new Answering(answered);
        Blocker blocker = new Blocker();
        PluginTestKit bot = kit(List.of(blocker, recorder, answering),
                Map.of(LOBBY, List.of("blocker", "recorder", "answering")),
                DispatcherSettings.defaults().withHandlerTimeLimit(Duration.ofMinutes(10)));

        bot.dispatcher().offer(Fixtures.say(LOBBY, Fixtures.participant("a"), "block until the others answered"));
        bot.dispatcher().offer(Fixtures.say(LOBBY, Fixtures.participant("b"), "!answer"));

        await().atMost(Duration.ofSeconds(60)).until(() -> answered.contains("b")
                && recorder.in(LOBBY).equals(List.of("block until the others answered", "!answer")));
        assertThat(blocker.in(LOBBY)).as("the blocked plugin is still in its first call").isEmpty();
        release.countDown();
        await().atMost(Duration.ofSeconds(60)).until(() -> blocker.in(LOBBY).size() == 2);
        assertThat(blocker.in(LOBBY)).as("the slow plugin still sees the room in order")
                .containsExactly("block until the others answered", "!answer");
        assertThat(bot.dispatcher().stats().handlerTimeouts()).isZero();
    }

    /** Its {@code !answer} command records who asked. */
    public static final class Answering implements Plugin<NoConfig> {
        private final List<String> answered;

        Answering(List<String> answered) {
            this.answered = answered;
        }

        @Override
        public String id() {
            return "answering";
        }

        @Override
        public Class<NoConfig> configType() {
            return NoConfig.class;
        }

        @Override
        public void start(PluginContext<NoConfig> context) {
        }

        @Command(name = "answer", help = "Records who asked.")
        public void answer(CommandInvocation invocation) {
            answered.add(invocation.sender().displayName());
        }
    }

    /** Reads what earlier calls may have left on its thread: a ThreadLocal and the MDC. */
    public static final class ThreadStateReader implements Plugin<NoConfig> {
        static final ThreadLocal<String> LEFT_BEHIND = new ThreadLocal<>();
        private final String id;
        final List<String> seen = new CopyOnWriteArrayList<>();

        ThreadStateReader(String id) {
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

        @OnEvent
        public void on(RoomMessageReceivedEvent event) {
            seen.add(event.message().body() + ": thread-local=" + LEFT_BEHIND.get() + " mdc=" + MDC.get("left-behind"));
            // What a careless plugin (or a library it uses) leaves on its thread.
            LEFT_BEHIND.set(id);
            MDC.put("left-behind", id);
        }
    }

    /**
     * Issue 12 debt, "ThreadLocals survive between a plugin's calls": what a plugin's call leaves in a
     * ThreadLocal never reaches another plugin's call, and what it leaves in the MDC (which tags log lines)
     * reaches no later call at all, its own included.
     */
    @Test
    void threadLocalsAndMdcLeftByAPluginCallDoNotSurviveIntoOtherCalls() {
        ThreadStateReader first = new ThreadStateReader("first");
        ThreadStateReader second = new ThreadStateReader("second");
        PluginTestKit bot = kit(List.of(first, second), Map.of(LOBBY, List.of("first", "second"), GARDEN,
                List.of("first", "second")), DispatcherSettings.defaults());
        for (int i = 0; i < 20; i++) {
            bot.dispatcher().offer(Fixtures.say(i % 2 == 0 ? LOBBY : GARDEN, Fixtures.participant("a"), "m" + i));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> bot.dispatcher().stats().eventsDispatched() == 20);

        assertThat(first.seen).hasSize(20).allSatisfy(line -> assertThat(line)
                .doesNotContain("thread-local=second").endsWith("mdc=null"));
        assertThat(second.seen).hasSize(20).allSatisfy(line -> assertThat(line)
                .doesNotContain("thread-local=first").endsWith("mdc=null"));
    }

    /** Its {@code !wait} command blocks until the test ends. */
    public class SlowCommand implements Plugin<NoConfig> {
        @Override
        public String id() {
            return "slow";
        }

        @Override
        public Class<NoConfig> configType() {
            return NoConfig.class;
        }

        @Override
        public void start(PluginContext<NoConfig> context) {
        }

        @Command(name = "wait", help = "Blocks.")
        public void await(CommandInvocation invocation) {
            try {
                release.await();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void aHandlerPastTheTimeLimitLeavesTheRestOfItsEventAndTheQueueToTheOtherPluginsInOrder() {
        Blocker blocker = new Blocker();
        Recorder first = new Recorder("first");
        Recorder last = new Recorder("last");
        PluginTestKit bot = kit(List.of(first, blocker, last), Map.of(LOBBY, List.of("first", "blocker", "last")),
                DispatcherSettings.defaults().withHandlerTimeLimit(Duration.ofMillis(100)));

        bot.dispatcher().offer(Fixtures.say(LOBBY, Fixtures.participant("a"), "one"));
        bot.dispatcher().offer(Fixtures.say(LOBBY, Fixtures.participant("a"), "block"));
        bot.dispatcher().offer(Fixtures.say(LOBBY, Fixtures.participant("a"), "three"));

        await().atMost(Duration.ofSeconds(60)).until(() -> last.in(LOBBY).size() == 3
                && bot.dispatcher().stats().eventsDispatched() == 3);
        assertThat(first.in(LOBBY)).containsExactly("one", "block", "three");
        assertThat(last.in(LOBBY)).as("each plugin after the late one, once per event, in order")
                .containsExactly("one", "block", "three");
        assertThat(bot.dispatcher().stats().eventsDispatched()).isEqualTo(3);
        assertThat(bot.dispatcher().stats().handlerTimeouts()).isEqualTo(1);
    }

    @Test
    void aCommandPastTheTimeLimitDoesNotHoldItsRoom() {
        Recorder recorder = new Recorder("recorder");
        PluginTestKit bot = kit(List.of(new SlowCommand(), recorder), Map.of(LOBBY, List.of("slow", "recorder")),
                DispatcherSettings.defaults().withHandlerTimeLimit(Duration.ofMillis(100)));

        bot.dispatcher().offer(Fixtures.say(LOBBY, Fixtures.participant("a"), "!wait"));
        bot.dispatcher().offer(Fixtures.say(LOBBY, Fixtures.participant("a"), "after"));

        await().atMost(Duration.ofSeconds(60)).until(() -> bot.dispatcher().stats().eventsDispatched() == 2);
        assertThat(recorder.in(LOBBY)).containsExactly("!wait", "after");
        assertThat(bot.dispatcher().stats().handlerTimeouts()).isEqualTo(1);
        assertThat(bot.dispatcher().stats().handlersRunningLate()).isEqualTo(1);

        release.countDown();
        await().atMost(Duration.ofSeconds(60)).until(() -> bot.dispatcher().stats().handlersRunningLate() == 0);
        assertThat(bot.dispatcher().stats().eventsDispatched()).as("the late call's end dispatches nothing twice")
                .isEqualTo(2);
    }

    @Test
    void aFullQueueShedsNewEventsAndCountsThem() {
        Queue<Runnable> pendingDrains = new ArrayDeque<>();
        Recorder recorder = new Recorder("recorder");
        // Commands go through the room queue (plain talk in an idle room goes straight to the plugins).
        PluginTestKit bot = kit(List.of(recorder), Map.of(LOBBY, List.of("recorder")),
                DispatcherSettings.defaults().withQueueCapacity(3).withAnswerUnknownCommands(false),
                pendingDrains::add, Runnable::run);

        List<Boolean> accepted = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            accepted.add(bot.dispatcher().offer(Fixtures.say(LOBBY, Fixtures.participant("a"), "!m" + i)));
        }
        assertThat(accepted).containsExactly(true, true, true, false, false);
        assertThat(bot.dispatcher().stats().eventsShed()).isEqualTo(2);
        assertThat(pendingDrains).as("one drain task per busy room").hasSize(1);

        pendingDrains.poll().run();
        assertThat(recorder.in(LOBBY)).containsExactly("!m0", "!m1", "!m2");
        assertThat(bot.dispatcher().offer(Fixtures.say(LOBBY, Fixtures.participant("a"), "!m5"))).isTrue();
        assertThat(pendingDrains).as("an emptied room starts a new drain").hasSize(1);
    }

    @Test
    void aFullPluginLaneShedsForThatPluginOnly() {
        Blocker blocker = new Blocker();
        Recorder recorder = new Recorder("recorder");
        PluginTestKit bot = kit(List.of(blocker, recorder), Map.of(LOBBY, List.of("blocker", "recorder")),
                DispatcherSettings.defaults().withQueueCapacity(3).withHandlerTimeLimit(Duration.ofMinutes(10)));

        bot.dispatcher().offer(Fixtures.say(LOBBY, Fixtures.participant("a"), "block"));
        await().atMost(Duration.ofSeconds(60)).until(() -> blocker.blocked.get() == 1);
        for (int i = 1; i < 10; i++) {
            bot.dispatcher().offer(Fixtures.say(LOBBY, Fixtures.participant("a"), "m" + i));
            int seen = i + 1; // one at a time: the recorder's own lane never fills
            await().atMost(Duration.ofSeconds(60)).until(() -> recorder.in(LOBBY).size() == seen);
        }
        assertThat(bot.dispatcher().stats().eventsShed()).isEqualTo(6);
        release.countDown();
        await().atMost(Duration.ofSeconds(60)).until(() -> bot.dispatcher().stats().eventsDispatched() == 10);
        assertThat(blocker.in(LOBBY)).as("the blocked call and the lane's capacity; the rest shed for it alone")
                .containsExactly("block", "m1", "m2", "m3");
        assertThat(bot.dispatcher().stats().eventsShed()).isEqualTo(6);
    }

    @Test
    void shutdownDeliversWhatIsQueuedThenRefusesNewEvents() {
        Recorder recorder = new Recorder("recorder");
        PluginTestKit bot = kit(List.of(recorder), Map.of(LOBBY, List.of("recorder")), DispatcherSettings.defaults());
        for (int i = 0; i < 50; i++) {
            bot.dispatcher().offer(Fixtures.say(LOBBY, Fixtures.participant("a"), "m" + i));
        }
        assertThat(bot.dispatcher().shutdown(Duration.ofSeconds(10))).isTrue();
        assertThat(recorder.in(LOBBY)).hasSize(50);
        assertThat(bot.dispatcher().offer(Fixtures.say(LOBBY, Fixtures.participant("a"), "late"))).isFalse();
        assertThat(bot.dispatcher().stats().eventsShed()).isEqualTo(1);
    }

    @Test
    void shutdownReportsAStuckHandler() {
        Blocker blocker = new Blocker();
        PluginTestKit bot = kit(List.of(blocker), Map.of(LOBBY, List.of("blocker")),
                DispatcherSettings.defaults().withHandlerTimeLimit(Duration.ofMillis(50)));
        bot.dispatcher().offer(Fixtures.say(LOBBY, Fixtures.participant("a"), "block"));
        await().atMost(Duration.ofSeconds(60)).until(() -> bot.dispatcher().stats().handlerTimeouts() == 1);
        assertThat(bot.dispatcher().shutdown(Duration.ofMillis(50))).isFalse();
    }

    @Test
    void roomEventsOnlyReachPluginsEnabledInThatRoom() {
        Recorder lobbyOnly = new Recorder("lobby-only");
        Recorder everywhere = new Recorder("everywhere");
        PluginTestKit bot = kit(List.of(lobbyOnly, everywhere),
                Map.of(LOBBY, List.of("lobby-only", "everywhere"), GARDEN, List.of("everywhere")), DispatcherSettings.defaults(), Runnable::run, Runnable::run);
        bot.dispatcher().offer(Fixtures.say(GARDEN, Fixtures.participant("b"), "garden talk"));
        assertThat(everywhere.in(GARDEN)).containsExactly("garden talk");
        assertThat(lobbyOnly.bodiesByRoom).isEmpty();
    }

    @Test
    void aHandlerForASupertypeGetsEverySubtype() {
        List<String> seen = new CopyOnWriteArrayList<>();
        class Wide implements Plugin<NoConfig> {
            public String id() {
                return "wide";
            }

            public Class<NoConfig> configType() {
                return NoConfig.class;
            }

            public void start(PluginContext<NoConfig> context) {
            }

            @OnEvent
            public void any(RoomEvent event) {
                seen.add(event.getClass().getSimpleName());
            }
        }
        PluginTestKit bot = kit(List.of(new Wide()), Map.of(LOBBY, List.of("wide")), DispatcherSettings.defaults(), Runnable::run, Runnable::run);
        bot.dispatcher().offer(Fixtures.say(LOBBY, Fixtures.participant("a"), "hi"));
        bot.dispatcher().offer(new org.majordome.api.event.OccupantJoinedEvent(LOBBY, Fixtures.participant("c"), Fixtures.T0));
        assertThat(seen).containsExactly("RoomMessageReceivedEvent", "OccupantJoinedEvent");
    }
}
