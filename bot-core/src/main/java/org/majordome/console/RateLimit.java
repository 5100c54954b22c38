package org.majordome.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code max} attempts per key in each window (a fixed window from the key's first attempt): login requests
 * per client address and per JID, so that nobody can make the bot flood someone's chat with links, nor try tokens
 * by the million.
 */
final class RateLimit {

    /** Keys remembered at once; past it the expired windows go, then everything (a flood of addresses). */
    static final int MAX_KEYS = 100_000;

    private static final class Window {
        final Instant start;
        int count;

        Window(Instant start) {
            this.start = start;
        }
    }

    private final int max;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    RateLimit(int max, Duration window, Clock clock) {
        this.max = max;
        this.window = window;
        this.clock = clock;
    }

    /** Counts an attempt; false when the key has used up its window. */
    boolean allow(String key) {
        Instant now = clock.instant();
        if (windows.size() >= MAX_KEYS) {
            windows.values().removeIf(open -> !now.isBefore(open.start.plus(window)));
            if (windows.size() >= MAX_KEYS) {
                windows.clear();
            }
        }
        Window current = windows.compute(key, (ignored, open) -> {
            Window fresh = open == null || !now.isBefore(open.start.plus(window)) ? new Window(now) : open;
            fresh.count++;
            return fresh;
        });
        return current.count <= max;
    }
}
