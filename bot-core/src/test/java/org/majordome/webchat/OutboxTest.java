package org.majordome.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The frames on their way to one browser: in order, never waited for by the sender, a slow browser dropped. */
class OutboxTest {

    private final ExecutorService writers = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("webchat-writer-test").factory());

    @AfterEach
    void stopWriters() {
        writers.shutdownNow();
    }

    /** A socket that takes each frame at once, or (stalled) never calls back. */
    private static final class RecordingWire implements Wire {
        final List<String> sent = new CopyOnWriteArrayList<>();
        final List<Integer> closed = new CopyOnWriteArrayList<>();
        final List<Thread> writtenOn = new CopyOnWriteArrayList<>();
        final boolean stalled;

        RecordingWire(boolean stalled) {
            this.stalled = stalled;
        }

        @Override
        public void send(String text, Written done) {
            writtenOn.add(Thread.currentThread());
            if (!stalled) {
                sent.add(text);
                done.written(null);
            }
        }

        @Override
        public void close(int status, String reason) {
            closed.add(status);
        }
    }

    @Test
    void framesGoOutInOrderAndALastFrameIsFollowedByTheClose() {
        RecordingWire wire = new RecordingWire(false);
        Outbox out = new Outbox(wire, 10, writers);
        out.offer("one");
        out.offer("two");
        out.finish("last", Outbox.NORMAL, "bye");
        await().atMost(Duration.ofSeconds(30)).until(() -> wire.closed.contains(Outbox.NORMAL));
        assertThat(wire.sent).containsExactly("one", "two", "last");
        assertThat(out.offer("after")).isFalse();
    }

    @Test
    void aBrowserTooSlowToKeepUpIsDroppedNotBufferedWithoutEnd() {
        RecordingWire wire = new RecordingWire(true);
        Outbox out = new Outbox(wire, 5, writers);
        int accepted = 0;
        for (int i = 0; i < 100; i++) {
            if (out.offer("frame " + i)) {
                accepted++;
            }
        }
        // The writer holds one frame on the stalled socket, the queue the capacity; the sender never waited.
        assertThat(accepted).isLessThanOrEqualTo(6);
        assertThat(wire.closed).containsExactly(Outbox.TOO_SLOW);
        assertThat(out.offer("more")).isFalse();
    }

    /**
     * The bug: every visitor's frames were written by a virtual thread of its own, on the same carrier threads as the
     * bot's dispatch; a message in a room of a hundred visitors queued a hundred writes ahead of the bot's moderation.
     */
    @Test
    void aVisitorsFramesAreWrittenOnTheGatewaysWritersNotOnTheVirtualThreadsOfTheBotsDispatch() {
        RecordingWire wire = new RecordingWire(false);
        Outbox out = new Outbox(wire, 10, writers);
        for (int i = 0; i < 5; i++) {
            out.offer("frame " + i);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> wire.sent.size() == 5);
        assertThat(wire.writtenOn).allSatisfy(thread -> {
            assertThat(thread.isVirtual()).isFalse();
            assertThat(thread.getName()).isEqualTo("webchat-writer-test");
        });
    }

    @Test
    void aStalledBrowserHoldsNoWriterFromTheOthers() {
        RecordingWire stalled = new RecordingWire(true);
        RecordingWire healthy = new RecordingWire(false);
        Outbox slow = new Outbox(stalled, 10, writers);
        Outbox fine = new Outbox(healthy, 10, writers);
        slow.offer("never taken");
        await().atMost(Duration.ofSeconds(30)).until(() -> stalled.writtenOn.size() == 1);
        slow.offer("waits behind it");
        fine.offer("one");
        fine.offer("two");
        await().atMost(Duration.ofSeconds(30)).until(() -> healthy.sent.size() == 2);
        assertThat(healthy.sent).containsExactly("one", "two");
        assertThat(stalled.writtenOn).hasSize(1);
    }
}
