package org.majordome.webchat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/** One visitor's sending rate: at most so many messages in any minute (a sliding window, not a fixed one). */
final class MessageRate {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final int perMinute;
    private final Clock clock;
    private final ArrayDeque<Instant> sent = new ArrayDeque<>();

    MessageRate(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Counts a message now; false (and not counted) when the visitor has sent their share this minute. */
    synchronized boolean tryTake() {
        Instant now = clock.instant();
        while (!sent.isEmpty() && !sent.peekFirst().isAfter(now.minus(WINDOW))) {
            sent.pollFirst();
        }
        if (sent.size() >= perMinute) {
            return false;
        }
        sent.addLast(now);
        return true;
    }
}
