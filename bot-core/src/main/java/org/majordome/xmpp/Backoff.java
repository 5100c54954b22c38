package org.majordome.xmpp;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: the n-th retry waits a random time between half and all of
 * {@code min(max, first * 2^n)}, so that many rooms (or many bots) retrying after one server restart
 * do not all knock at the same instant.
 */
public record Backoff(Duration first, Duration max, RandomGenerator random) {

    public static Backoff of(Duration first, Duration max) {
        return new Backoff(first, max, RandomGenerator.getDefault());
    }

    public Duration delay(int attempt) {
        long ceiling = max.toMillis();
        long base = first.toMillis();
        long exponential = attempt >= 30 ? ceiling : Math.min(ceiling, base << Math.max(0, attempt));
        long half = Math.max(1, exponential / 2);
        return Duration.ofMillis(half + random.nextLong(half + 1));
    }
}
