package org.majordome.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.majordome.testkit.TestClock;

/** Login rate limits: so many attempts per key in a window, then none until the window has passed. */
class RateLimitTest {

    private final TestClock clock = new TestClock();
    private final RateLimit limit = new RateLimit(3, Duration.ofMinutes(15), clock);

    @Test
    void theAttemptsPastTheLimitAreRefusedUntilTheWindowEnds() {
        assertThat(IntStream.range(0, 5).mapToObj(i -> limit.allow("192.0.2.1")))
                .containsExactly(true, true, true, false, false);

        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        assertThat(limit.allow("192.0.2.1")).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(limit.allow("192.0.2.1")).isTrue();
    }

    @Test
    void eachKeyHasItsOwnCount() {
        IntStream.range(0, 3).forEach(i -> limit.allow("ann@example.org"));

        assertThat(limit.allow("ann@example.org")).isFalse();
        assertThat(limit.allow("bob@example.org")).isTrue();
    }

    @Test
    void aFloodOfKeysCannotFillTheMemory() {
        RateLimit tight = new RateLimit(1, Duration.ofMinutes(15), clock);
        IntStream.range(0, RateLimit.MAX_KEYS + 10).forEach(i -> tight.allow("key" + i));

        // The table was emptied rather than grown: a key seen before the flush counts afresh.
        assertThat(tight.allow("key" + (RateLimit.MAX_KEYS + 9))).isFalse();
        assertThat(tight.allow("key0")).isTrue();
    }
}
