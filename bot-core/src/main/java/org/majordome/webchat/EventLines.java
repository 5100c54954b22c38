package org.majordome.webchat;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The guest host's stdout: events are queued by the sessions' threads (Smack's, which must never wait for the bot)
 * and written by one thread, whole lines in order, flushed when the queue runs dry so that a burst of frames costs
 * one write. If the bot stops reading (it died), the host exits.
 */
final class EventLines {

    private static final String STOP = new String("stop");
    private final LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
    private final PrintStream out;
    private final Thread writer;

    EventLines(PrintStream out) {
        this.out = out;
        this.writer = Thread.ofPlatform().name("guest-host-out").start(this::write);
    }

    /** Queues one event for a session. */
    void send(GuestHostVerbs.Event event, String session, String... arguments) {
        queue.add(GuestHostVerbs.line(event, session, arguments));
    }

    /** Writes what is queued, then stops (waits a few seconds at most). */
    void flushAndStop() throws InterruptedException {
        queue.add(STOP);
        writer.join(TimeUnit.SECONDS.toMillis(5));
    }

    private void write() {
        List<String> batch = new ArrayList<>();
        try {
            while (true) {
                batch.add(queue.take());
                queue.drainTo(batch);
                for (String line : batch) {
                    if (line == STOP) {
                        out.flush();
                        return;
                    }
                    out.print(line);
                    out.print('\n');
                }
                batch.clear();
                out.flush();
                if (out.checkError()) {
                    // Nobody reads the events any more: the bot is gone.
                    System.exit(1);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
