package org.majordome.api;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them, in configuration files and in chat commands: {@code 500ms},
 * {@code 30s}, {@code 10m}, {@code 2h}, {@code 1d}, {@code 1w}, combinations such as {@code 1h30m}
 * (any case, spaces ignored), or ISO-8601 ({@code PT1M}). One reader for the runtime and every plugin,
 * so that {@code !mute alice 10m} and {@code rejoin-cooldown: 10m} mean the same thing; and durations as
 * people read them in answers ({@link #words}: {@code 1 minute}, {@code 2 hours and 30 minutes}).
 */
public final class DurationText {

    /** How to describe the accepted forms in an error message. */
    public static final String EXPECTED = "a positive duration such as 500ms, 30s, 5m, 1h30m, 1d or PT1M";

    private static final int LONGEST_ACCEPTED = 40;
    private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:ms|s|m|h|d|w))+");
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d|w)");

    private DurationText() {
    }

    /** The duration if the text is a positive one; empty otherwise (then it is probably something else). */
    public static Optional<Duration> parsePositive(String text) {
        return parse(text).filter(Duration::isPositive);
    }

    /** The duration written, zero and negative ISO ones included; empty when the text is not a duration. */
    public static Optional<Duration> parse(String text) {
        if (text == null || text.length() > LONGEST_ACCEPTED) {
            return Optional.empty();
        }
        String compact = text.strip().replace(" ", "").toLowerCase(Locale.ROOT);
        try {
            if (compact.startsWith("p") || compact.startsWith("-p")) {
                return Optional.of(Duration.parse(compact.toUpperCase(Locale.ROOT)));
            }
            if (!WHOLE.matcher(compact).matches()) {
                return Optional.empty();
            }
            Duration total = Duration.ZERO;
            Matcher part = PART.matcher(compact);
            while (part.find()) {
                long amount = Long.parseLong(part.group(1));
                total = total.plus(switch (part.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    case "d" -> Duration.ofDays(amount);
                    case "w" -> Duration.ofDays(Math.multiplyExact(amount, 7));
                    default -> throw new IllegalStateException("unit not in the pattern: " + part.group(2));
                });
            }
            return Optional.of(total);
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException tooBigOrMalformed) {
            return Optional.empty();
        }
    }

    /**
     * The duration in words, for texts people read: {@code 1 minute}, {@code 2 hours}, {@code 1 hour and 30
     * minutes}, {@code 1 day, 2 hours and 5 minutes}, {@code 2 weeks}. Whole weeks are said in weeks, other
     * durations in days, hours, minutes and seconds (milliseconds only below one second); a negative duration
     * is described by its length.
     */
    public static String words(Duration duration) {
        Duration length = duration.abs();
        if (length.compareTo(Duration.ofSeconds(1)) < 0) {
            return count(length.toMillis(), "millisecond");
        }
        long days = length.toDays();
        if (days > 0 && days % 7 == 0 && length.equals(Duration.ofDays(days))) {
            return count(days / 7, "week");
        }
        List<String> parts = new ArrayList<>();
        if (days > 0) {
            parts.add(count(days, "day"));
        }
        if (length.toHoursPart() > 0) {
            parts.add(count(length.toHoursPart(), "hour"));
        }
        if (length.toMinutesPart() > 0) {
            parts.add(count(length.toMinutesPart(), "minute"));
        }
        if (length.toSecondsPart() > 0) {
            parts.add(count(length.toSecondsPart(), "second"));
        }
        if (parts.size() == 1) {
            return parts.getFirst();
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.getLast();
    }

    private static String count(long amount, String unit) {
        return amount + " " + unit + (amount == 1 ? "" : "s");
    }
}
