package org.majordome.plugins.moderation;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * An offender's points, stored as {@code <points>@<instant>}. Points are whole and fade in whole steps: one point
 * is forgotten at the end of each full decay period, counted from {@code since} (when the record started from
 * nothing, or when its last point faded). So the total an offence is logged with is exactly the one the ladder
 * compares with its rungs: "6 points" means the 6-point rung applies, never 5.97 shown as 6.0.
 *
 * @param points the whole points still held
 * @param since  where the current decay period started
 */
record PointsRecord(int points, Instant since) {

    /** Rounding noise of the continuously fading records stored before points were whole. */
    private static final double NOISE = 1e-9;

    /**
     * The record as it stands at {@code now}. A record stored when points faded continuously ({@code 2.5@t}) is
     * read as the whole points it holds, the next of which fades when the old record would have reached the
     * lower whole number ({@code 3}, whose next point fades half a period after {@code t}): its schedule is kept.
     */
    static PointsRecord parse(Optional<String> stored, Instant now, Duration decayEvery) {
        if (stored.isEmpty()) {
            return new PointsRecord(0, now);
        }
        String[] parts = stored.get().split("@", 2);
        double value = Double.parseDouble(parts[0]);
        int whole = (int) Math.ceil(value - NOISE);
        double unfaded = Math.max(0, whole - value);
        Instant since = Instant.parse(parts[1]).minusMillis(Math.round(unfaded * decayEvery.toMillis()));
        return new PointsRecord(Math.max(0, whole), since).at(now, decayEvery);
    }

    /** This record at {@code now}: one point fewer for each full period since {@code since}. */
    PointsRecord at(Instant now, Duration decayEvery) {
        Duration elapsed = Duration.between(since, now);
        if (elapsed.isNegative() || points == 0) {
            return this;
        }
        long periods = elapsed.toMillis() / decayEvery.toMillis();
        if (periods >= points) {
            return new PointsRecord(0, now);
        }
        return new PointsRecord(points - (int) periods, since.plusMillis(periods * decayEvery.toMillis()));
    }

    /** The record with an offence's points added; a record that was empty starts its decay now. */
    PointsRecord plus(int more, Instant now) {
        return new PointsRecord(points + more, points == 0 ? now : since);
    }

    String encode() {
        return points + "@" + since;
    }
}
