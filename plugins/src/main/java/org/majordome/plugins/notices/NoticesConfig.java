package org.majordome.plugins.notices;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.majordome.api.schedule.CatchUp;
import org.majordome.api.schedule.CronText;
import org.majordome.api.text.ConfigRefusal;

/**
 * The {@code plugins.notices} section. The YAML, with every default, is in the package documentation.
 *
 * @param zone    the time zone of schedules that name none
 * @param notices the announcements, each with its own schedule
 */
public record NoticesConfig(ZoneId zone, List<Notice> notices) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    public NoticesConfig {
        Objects.requireNonNull(zone, "zone");
        notices = List.copyOf(notices);
        Set<String> names = new HashSet<>();
        for (Notice notice : notices) {
            if (!names.add(notice.name())) {
                throw new ConfigRefusal("notices", "config.name-twice", notice.name());
            }
        }
    }

    /** No notices, UTC. */
    public static NoticesConfig defaults() {
        return new NoticesConfig(ZoneOffset.UTC, List.of());
    }

    /** The notice of that name, if configured. */
    public Optional<Notice> notice(String name) {
        return notices.stream().filter(notice -> notice.name().equals(name)).findFirst();
    }

    /**
     * One announcement.
     *
     * @param name              how {@code !notices} and the logs call it: lower-case letters, digits, {@code -}, {@code _}
     * @param text              what is posted
     * @param schedule          when: a Quartz cron expression with seconds, e.g. {@code "0 0 9 ? * MON"}
     * @param zone              the schedule's time zone; the section's {@code zone} when absent
     * @param rooms             where to post it (room JIDs); every room the plugin is enabled in when absent
     * @param onlyAfterActivity post only if someone spoke in the room since this notice was last posted there
     * @param catchUp           after downtime, post a missed notice once ({@code once}) or skip it ({@code none})
     */
    public record Notice(String name, String text, String schedule, Optional<ZoneId> zone,
                         Optional<List<String>> rooms, Optional<Boolean> onlyAfterActivity,
                         Optional<CatchUp> catchUp) {

        public Notice {
            Objects.requireNonNull(name, "name");
            if (!NAME.matcher(name).matches()) {
                throw new ConfigRefusal("name", "config.notice-name", name);
            }
            if (text == null || text.isBlank()) {
                throw new ConfigRefusal("text", "config.notice-text-empty", name);
            }
            CronText.problem(schedule).ifPresent(why -> {
                throw new ConfigRefusal("schedule", "config.notice-schedule", name, why);
            });
            rooms = rooms.map(jids -> jids.stream().map(jid -> jid.toLowerCase(Locale.ROOT)).toList());
        }

        /** A notice for every enabled room, posted whatever the activity, missed runs skipped. */
        public static Notice of(String name, String text, String schedule) {
            return new Notice(name, text, schedule, Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty());
        }

        public boolean postsOnlyAfterActivity() {
            return onlyAfterActivity.orElse(false);
        }

        public CatchUp catchUpPolicy() {
            return catchUp.orElse(CatchUp.NONE);
        }
    }
}
