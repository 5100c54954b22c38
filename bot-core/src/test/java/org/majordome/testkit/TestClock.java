package org.majordome.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The kit's clock, which only moves when a test moves it. Plugins see it as {@code context.clock()}, the
 * dispatcher uses it for rate limits, and events the kit makes are stamped with it.
 */
public final class TestClock extends Clock {

    /** Where every kit's clock starts: a fixed instant, so that test output never depends on today. */
    public static final Instant START = Instant.parse("2025-01-01T12:00:00Z");

    private volatile Instant now = START;

    /** Moves the clock forward (or back, for a negative duration). */
    public TestClock advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        now = now.plus(duration);
        return this;
    }

    /** Puts the clock at an instant. */
    public TestClock set(Instant instant) {
        now = Objects.requireNonNull(instant, "instant");
        return this;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** A view of this clock in another zone; it moves with this one. */
    @Override
    public Clock withZone(ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        TestClock source = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return source.withZone(other);
            }

            @Override
            public Instant instant() {
                return source.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        return now;
    }
}
