package org.majordome.webchat;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The frames on their way to one visitor: a bounded queue written one frame at a time, in order, by the gateway's
 * own writers ({@link WebChatGateway#writers()}), so that neither Smack's listener thread nor Jetty's threads ever
 * wait for a browser. No thread waits for a browser either: a write is started and the next one follows when the
 * socket took it. A browser too slow to keep up (the queue full, or one frame not taken for {@link #WRITE_TIMEOUT})
 * is disconnected rather than buffered without end.
 * <p>
 * The writers are not the virtual threads: those carry the bot's own dispatch, and a message in a room of a hundred
 * visitors woke a hundred writers ahead of the bot's moderation in the same two carrier threads (RESULTS §14).
 */
final class Outbox {

    /** WebSocket status 1008 (policy violation): the page says the connection was dropped. */
    static final int TOO_SLOW = 1008;
    static final int NORMAL = 1000;
    /** A frame the browser has not taken in this long means a dead or stalled connection. */
    static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    private static final String CLOSE = new String("close");

    private final BlockingQueue<String> queue;
    private final Wire wire;
    private final Executor writers;
    /** A write of this outbox is queued on the writers or under way: at most one at a time keeps the order. */
    private final AtomicBoolean writing = new AtomicBoolean();
    private volatile long writeStartedAt;
    private volatile boolean closed;
    private volatile boolean stopped;
    private volatile int closeStatus = NORMAL;
    private volatile String closeReason = "";

    Outbox(Wire wire, int capacity, Executor writers) {
        this.wire = wire;
        this.writers = writers;
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /** Queues a frame; never blocks. False when the socket is closing, or too slow (then it is closed). */
    boolean offer(String frame) {
        if (closed || frame == null) {
            return false;
        }
        long started = writeStartedAt;
        boolean stalled = started != 0 && System.nanoTime() - started > WRITE_TIMEOUT.toNanos();
        if (stalled || !queue.offer(frame)) {
            log.debug("A web visitor's browser fell {} frames behind: disconnected", queue.size());
            closed = true;
            stopped = true;
            queue.clear();
            wire.close(TOO_SLOW, "too slow");
            return false;
        }
        schedule();
        return true;
    }

    /** Sends what is queued, then this last frame, then closes the socket. */
    void finish(String lastFrame, int status, String reason) {
        if (closed) {
            return;
        }
        closeStatus = status;
        closeReason = reason;
        offer(lastFrame);
        closed = true;
        if (!queue.offer(CLOSE)) {
            stopped = true;
            wire.close(status, reason);
            return;
        }
        schedule();
    }

    /** Stops writing (the socket is gone). */
    void stop() {
        closed = true;
        stopped = true;
        queue.clear();
    }

    private void schedule() {
        if (writing.compareAndSet(false, true)) {
            try {
                writers.execute(this::writeNext);
            } catch (RejectedExecutionException shuttingDown) {
                stop();
            }
        }
    }

    /** On a writer: starts writing the next frame, or lets the next offer schedule a write. */
    private void writeNext() {
        String frame = stopped ? null : queue.poll();
        if (frame == null) {
            writing.set(false);
            if (!stopped && !queue.isEmpty()) {
                schedule(); // a frame came after the poll, before the flag was down
            }
            return;
        }
        if (frame == CLOSE) {
            stopped = true;
            wire.close(closeStatus, closeReason);
            return;
        }
        writeStartedAt = System.nanoTime();
        try {
            wire.send(frame, this::written);
        } catch (RuntimeException e) {
            written(e);
        }
    }

    private void written(Throwable failure) {
        writeStartedAt = 0;
        if (failure != null) {
            if (stopped) {
                return; // closed meanwhile (too slow, or the socket went): the failure is that close
            }
            log.debug("Writing to a web visitor failed: {}", failure.toString());
            closed = true;
            stopped = true;
            queue.clear();
            wire.close(NORMAL, "");
            return;
        }
        try {
            // The next frame on a writer again, not on whichever thread finished this one (Jetty's, or deep in a
            // chain of writes the socket took at once).
            writers.execute(this::writeNext);
        } catch (RejectedExecutionException shuttingDown) {
            stop();
        }
    }
}
