package org.majordome.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the durations people write in config files: {@code 500ms}, {@code 30s}, {@code 1h30m}, or ISO-8601. */
public final class Durations {

    static final String EXPECTED = "a positive duration such as 500ms, 30s, 5m, 1h30m, 1d or PT1M";

    private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:ms|s|m|h|d))+");
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private Durations() {
    }

    /** The duration, or empty when the text is not one (negative and zero durations are durations). */
    public static Optional<Duration> parse(String text) {
        String compact = text.strip().replace(" ", "");
        try {
            if (compact.toUpperCase(Locale.ROOT).startsWith("P") || compact.startsWith("-P")) {
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
                    default -> throw new IllegalStateException("unit not in the pattern: " + part.group(2));
                });
            }
            return Optional.of(total);
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException tooBigOrMalformed) {
            return Optional.empty();
        }
    }
}
