package org.majordome.dispatch;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;

/**
 * Logs a recurring warning at most once per interval, with how many occurrences were folded into it, so
 * that a flood cannot turn into a log flood.
 */
final class RateLimitedLog {

    private final Logger logger;
    private final Clock clock;
    private final long intervalMillis;
    private long lastLoggedAtMillis = Long.MIN_VALUE;
    private long suppressed;

    RateLimitedLog(Logger logger, Clock clock, Duration interval) {
        this.logger = logger;
        this.clock = clock;
        this.intervalMillis = interval.toMillis();
    }

    /** Logs {@code message} (SLF4J format, with {@code args}) unless one was logged within the interval. */
    synchronized void warn(String message, Object... args) {
        long now = clock.millis();
        if (lastLoggedAtMillis != Long.MIN_VALUE && now - lastLoggedAtMillis < intervalMillis) {
            suppressed++;
            return;
        }
        if (suppressed > 0) {
            logger.warn(message + " ({} similar since last report)", append(args, suppressed));
        } else {
            logger.warn(message, args);
        }
        lastLoggedAtMillis = now;
        suppressed = 0;
    }

    private static Object[] append(Object[] args, Object last) {
        Object[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = last;
        return all;
    }
}
