package org.majordome.plugins.moderation;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** Durations as moderators type them: {@code 30s}, {@code 10m}, {@code 2h}, {@code 1d}, {@code 1w}, {@code 1h30m}. */
final class DurationText {

    private DurationText() {
    }

    /** The duration, or empty when the text is not one (then it is probably the reason's first word). */
    static Optional<Duration> parse(String text) {
        String input = text.toLowerCase(Locale.ROOT);
        if (input.isEmpty() || input.length() > 20) {
            return Optional.empty();
        }
        Duration total = Duration.ZERO;
        long number = -1;
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c >= '0' && c <= '9') {
                number = (number < 0 ? 0 : number * 10) + (c - '0');
                continue;
            }
            if (number < 0) {
                return Optional.empty();
            }
            Duration unit = switch (c) {
                case 's' -> Duration.ofSeconds(1);
                case 'm' -> Duration.ofMinutes(1);
                case 'h' -> Duration.ofHours(1);
                case 'd' -> Duration.ofDays(1);
                case 'w' -> Duration.ofDays(7);
                default -> null;
            };
            if (unit == null) {
                return Optional.empty();
            }
            total = total.plus(unit.multipliedBy(number));
            number = -1;
        }
        return number >= 0 || total.isZero() ? Optional.empty() : Optional.of(total);
    }
}
