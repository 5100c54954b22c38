package org.majordome.api.schedule;

import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;

import org.quartz.CronExpression;

/**
 * Checks the cron expressions {@link PluginScheduler#cron} accepts, so that a plugin's configuration record
 * can refuse a bad one when the file is read ({@code check-config}, start and reload alike) instead of when the
 * plugin starts. A configuration record calls {@link #requireValid} in its compact constructor:
 *
 * <pre>{@code
 * public record MyConfig(String schedule) {
 *     public MyConfig {
 *         CronText.requireValid("schedule", schedule);
 *     }
 * }
 * }</pre>
 *
 * The message of the exception starts with the key, which lets the runtime point at that key's line.
 */
public final class CronText {

    /** How to describe the accepted form in an error message. */
    public static final String EXPECTED = "a Quartz cron expression with seconds, such as \"0 0 8 * * ?\" "
            + "(every day at 08:00) or \"0 30 9 ? * MON-FRI\"";

    private CronText() {
    }

    /**
     * Why the text is not a cron expression the scheduler can run, or empty when it is one.
     *
     * @param expression what the user wrote
     */
    public static Optional<String> problem(String expression) {
        if (expression == null || expression.isBlank()) {
            return Optional.of("expected " + EXPECTED + ", got nothing");
        }
        CronExpression cron;
        try {
            cron = new CronExpression(expression);
        } catch (ParseException e) {
            // Quartz sometimes wraps an internal exception into its message: that says nothing to a user.
            String why = e.getMessage() == null || e.getMessage().contains("Exception") ? "" : ": " + e.getMessage();
            return Optional.of("'" + expression + "' is not " + EXPECTED + why);
        } catch (RuntimeException e) {
            return Optional.of("'" + expression + "' is not " + EXPECTED);
        }
        if (cron.getNextValidTimeAfter(new Date()) == null) {
            return Optional.of("'" + expression + "' never fires again");
        }
        return Optional.empty();
    }

    /**
     * Returns the expression when it is valid.
     *
     * @param key        the configuration key, put at the start of the message
     * @param expression what the user wrote
     * @throws IllegalArgumentException {@code "<key>: <why>"} when it is not valid
     */
    public static String requireValid(String key, String expression) {
        problem(expression).ifPresent(why -> {
            throw new IllegalArgumentException(key + ": " + why);
        });
        return expression;
    }

    /**
     * The last time a cron expression fires in a window, in its zone: what a job running in every instance of a
     * cluster, or in a bot that was down, missed while nobody could act on it. The window is walked fire time by fire
     * time, so keep it short for a frequent expression (a day of an every-second expression is 86,400 steps).
     *
     * @param after    the window's start, excluded
     * @param notAfter the window's end, included
     * @throws IllegalArgumentException when the text is no cron expression (one that never fires again is fine)
     */
    public static Optional<Instant> lastFireTime(String expression, ZoneId zone, Instant after, Instant notAfter) {
        CronExpression cron;
        try {
            cron = new CronExpression(expression);
        } catch (ParseException | RuntimeException e) {
            throw new IllegalArgumentException("'" + expression + "' is not " + EXPECTED, e);
        }
        cron.setTimeZone(TimeZone.getTimeZone(zone));
        Optional<Instant> last = Optional.empty();
        Date next = cron.getNextValidTimeAfter(Date.from(after));
        while (next != null && !next.toInstant().isAfter(notAfter)) {
            last = Optional.of(next.toInstant());
            next = cron.getNextValidTimeAfter(next);
        }
        return last;
    }
}
