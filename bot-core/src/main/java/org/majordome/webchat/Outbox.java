package org.majordome.webchat;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The frames on their way to one visitor: a bounded queue drained by a virtual thread of its own, so that neither
 * Smack's listener thread nor Jetty's threads ever wait for a browser. A browser too slow to keep up (the queue
 * full) is disconnected rather than buffered without end.
 */
final class Outbox {

    /** WebSocket status 1008 (policy violation): the page says the connection was dropped. */
    static final int TOO_SLOW = 1008;
    static final int NORMAL = 1000;
    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    private static final String CLOSE = new String("close");

    private final BlockingQueue<String> queue;
    private final Wire wire;
    private final Thread writer;
    private volatile boolean closed;
    private volatile int closeStatus = NORMAL;
    private volatile String closeReason = "";

    Outbox(Wire wire, int capacity) {
        this.wire = wire;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = Thread.ofVirtual().name("webchat-outbox").start(this::drain);
    }

    /** Queues a frame; never blocks. False when the socket is closing, or too slow (then it is closed). */
    boolean offer(String frame) {
        if (closed || frame == null) {
            return false;
        }
        if (!queue.offer(frame)) {
            log.debug("A web visitor's browser fell {} frames behind: disconnected", queue.size());
            closed = true;
            writer.interrupt();
            wire.close(TOO_SLOW, "too slow");
            return false;
        }
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
            writer.interrupt();
            wire.close(status, reason);
        }
    }

    /** Stops writing (the socket is gone). */
    void stop() {
        closed = true;
        writer.interrupt();
    }

    private void drain() {
        try {
            while (true) {
                String frame = queue.take();
                if (frame == CLOSE) {
                    wire.close(closeStatus, closeReason);
                    return;
                }
                wire.send(frame);
            }
        } catch (InterruptedException e) {
            // stopped: the socket is closed or being closed
        } catch (Exception e) {
            log.debug("Writing to a web visitor failed: {}", e.toString());
            closed = true;
            wire.close(NORMAL, "");
        }
    }
}
