package org.majordome.plugins.topic;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the durations people type in commands: {@code 30m}, {@code 2h}, {@code 1d}, {@code 1h30m}. */
final class HumanDurations {

    private static final Pattern WHOLE = Pattern.compile("(?:\\d{1,6}[smhd])+");
    private static final Pattern PART = Pattern.compile("(\\d{1,6})([smhd])");

    private HumanDurations() {
    }

    /** The duration, or empty when the text is not a positive one. */
    static Optional<Duration> parse(String text) {
        String compact = text.strip().toLowerCase(Locale.ROOT);
        if (!WHOLE.matcher(compact).matches()) {
            return Optional.empty();
        }
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(compact);
        while (part.find()) {
            long amount = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            });
        }
        return total.isZero() ? Optional.empty() : Optional.of(total);
    }
}
