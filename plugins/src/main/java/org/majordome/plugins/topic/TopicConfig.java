package org.majordome.plugins.topic;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.majordome.api.schedule.CronText;
import org.majordome.api.text.ConfigRefusal;

/**
 * The {@code plugins.topic} section: the settings of every room the plugin is enabled in, then per-room overrides
 * under {@code rooms:}. The YAML, with every default, is in the package documentation.
 *
 * @param subjects         the subjects to rotate through; {@code {date}} stands for today's date in {@code zone}.
 *                         Empty: no rotation in that room
 * @param schedule         when to change the subject: a Quartz cron expression with seconds
 * @param zone             the time zone of the schedule and of {@code {date}}
 * @param order            in the listed order, or shuffled without repeats
 * @param dateFormat       a {@link DateTimeFormatter} pattern for {@code {date}}
 * @param pauseAfterManual how long rotation waits after a person set the subject (also {@code !topic pause}'s
 *                         default)
 * @param rooms            overrides by room JID
 */
public record TopicConfig(List<String> subjects, String schedule, ZoneId zone, Order order, String dateFormat,
                          Duration pauseAfterManual, Map<String, RoomOverrides> rooms) {

    /** In which order subjects come. */
    public enum Order {
        /** As listed, starting again at the top after the last. */
        IN_ORDER,
        /** Every subject once in a random order, then a new random round (never the same subject twice in a row). */
        SHUFFLED
    }

    public TopicConfig {
        subjects = List.copyOf(subjects);
        CronText.requireValid("schedule", schedule);
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(order, "order");
        validate("", dateFormat, pauseAfterManual);
        Map<String, RoomOverrides> lowerCased = new LinkedHashMap<>();
        for (Map.Entry<String, RoomOverrides> entry : rooms.entrySet()) {
            RoomOverrides o = entry.getValue();
            validate("rooms." + entry.getKey() + ".", o.dateFormat().orElse(dateFormat),
                    o.pauseAfterManual().orElse(pauseAfterManual));
            lowerCased.put(entry.getKey().toLowerCase(Locale.ROOT), o);
        }
        rooms = Collections.unmodifiableMap(lowerCased);
    }

    /** No subjects (so no rotation), every day at 08:00 UTC, in order, a day's pause after a manual subject. */
    public static TopicConfig defaults() {
        return new TopicConfig(List.of(), "0 0 8 * * ?", ZoneOffset.UTC, Order.IN_ORDER, "yyyy-MM-dd",
                Duration.ofHours(24), Map.of());
    }

    /** The settings that apply in one room: its overrides over the plugin-wide values. */
    public TopicConfig forRoom(String roomJid) {
        RoomOverrides o = rooms.get(roomJid.toLowerCase(Locale.ROOT));
        if (o == null) {
            return this;
        }
        return new TopicConfig(o.subjects().orElse(subjects), o.schedule().orElse(schedule), o.zone().orElse(zone),
                o.order().orElse(order), o.dateFormat().orElse(dateFormat),
                o.pauseAfterManual().orElse(pauseAfterManual), Map.of());
    }

    /** The formatter for {@code {date}}. */
    public DateTimeFormatter dateFormatter() {
        return DateTimeFormatter.ofPattern(dateFormat, Locale.ROOT);
    }

    /** One room's overrides; each key is optional and means the same as the plugin-wide one. */
    public record RoomOverrides(Optional<List<String>> subjects, Optional<String> schedule, Optional<ZoneId> zone,
                                Optional<Order> order, Optional<String> dateFormat,
                                Optional<Duration> pauseAfterManual) {

        public RoomOverrides {
            schedule.ifPresent(cron -> CronText.requireValid("schedule", cron));
        }

        /** Only other subjects. */
        public static RoomOverrides subjects(List<String> subjects) {
            return new RoomOverrides(Optional.of(subjects), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty());
        }
    }

    private static void validate(String where, String dateFormat, Duration pauseAfterManual) {
        try {
            DateTimeFormatter.ofPattern(dateFormat, Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new ConfigRefusal(where + "date-format", e, "config.date-format", dateFormat, e.getMessage());
        }
        if (pauseAfterManual.isNegative()) {
            throw new ConfigRefusal(where + "pause-after-manual", "config.not-negative");
        }
    }
}
