package org.majordome.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

/** The frames on their way to one browser: in order, never waited for by the sender, a slow browser dropped. */
class OutboxTest {

    private static final class RecordingWire implements Wire {
        final List<String> sent = new CopyOnWriteArrayList<>();
        final List<Integer> closed = new CopyOnWriteArrayList<>();
        final CountDownLatch stalled;

        RecordingWire(boolean stall) {
            this.stalled = new CountDownLatch(stall ? 1 : 0);
        }

        @Override
        public void send(String text) throws Exception {
            stalled.await();
            sent.add(text);
        }

        @Override
        public void close(int status, String reason) {
            closed.add(status);
        }
    }

    @Test
    void framesGoOutInOrderAndALastFrameIsFollowedByTheClose() {
        RecordingWire wire = new RecordingWire(false);
        Outbox out = new Outbox(wire, 10);
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
        Outbox out = new Outbox(wire, 5);
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
}
