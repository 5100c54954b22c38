package org.majordome.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60),
            RandomGenerator.of("L64X128MixRandom"));

    @Test
    void delaysGrowExponentiallyWithinHalfToFullOfTheStep() {
        for (int attempt = 0; attempt < 6; attempt++) {
            long step = 1000L << attempt;
            for (int sample = 0; sample < 50; sample++) {
                assertThat(backoff.delay(attempt).toMillis()).isBetween(step / 2, step);
            }
        }
    }

    @Test
    void delaysNeverExceedTheMaximumEvenAfterManyAttempts() {
        for (int attempt : new int[] {6, 7, 20, 31, 1000}) {
            assertThat(backoff.delay(attempt).toMillis()).isBetween(30_000L, 60_000L);
        }
    }

    @Test
    void jitterSpreadsRetriesOfManyClients() {
        Backoff seeded = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), new SplittableRandom(42));
        long distinct = java.util.stream.IntStream.range(0, 100).mapToLong(i -> seeded.delay(5).toMillis()).distinct().count();
        assertThat(distinct).isGreaterThan(50);
    }
}
