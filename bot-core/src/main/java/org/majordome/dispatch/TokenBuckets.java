package org.majordome.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One token bucket per key (a command sender): {@code capacity} tokens, refilled evenly over
 * {@code refillPeriod}. Memory is bounded: beyond {@code maxKeys} the least recently used key is forgotten,
 * which at worst gives that sender a full bucket again (and one more notice).
 */
final class TokenBuckets {

    private final int capacity;
    private final double tokensPerMilli;
    private final Clock clock;
    private final Map<String, Bucket> buckets;

    private static final class Bucket {
        double tokens;
        long updatedAtMillis;
        /** The sender was told about a refusal since they last got a token. */
        boolean told;

        Bucket(double tokens, long updatedAtMillis) {
            this.tokens = tokens;
            this.updatedAtMillis = updatedAtMillis;
        }
    }

    TokenBuckets(int capacity, Duration refillPeriod, Clock clock, int maxKeys) {
        if (capacity < 1) {
            throw new IllegalArgumentException("bucket capacity must be at least 1, was " + capacity);
        }
        if (refillPeriod.isNegative() || refillPeriod.isZero()) {
            throw new IllegalArgumentException("refill period must be positive, was " + refillPeriod);
        }
        this.capacity = capacity;
        this.tokensPerMilli = capacity / (double) refillPeriod.toMillis();
        this.clock = clock;
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /**
     * Takes a token for {@code key}.
     *
     * @return 0 when a token was taken; otherwise how many milliseconds until the next one (at least 1)
     */
    synchronized long take(String key) {
        long now = clock.millis();
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
        long elapsed = Math.max(0, now - bucket.updatedAtMillis);
        bucket.tokens = Math.min(capacity, bucket.tokens + elapsed * tokensPerMilli);
        bucket.updatedAtMillis = now;
        if (bucket.tokens < 1) {
            return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / tokensPerMilli));
        }
        bucket.tokens -= 1;
        bucket.told = false;
        return 0;
    }

    /** True for the first refusal since {@code key} last got a token (tell them then), false after. */
    synchronized boolean firstRefusal(String key) {
        Bucket bucket = buckets.get(key);
        if (bucket == null || bucket.told) {
            return bucket == null;
        }
        bucket.told = true;
        return true;
    }
}
