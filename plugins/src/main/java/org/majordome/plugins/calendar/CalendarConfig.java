package org.majordome.plugins.calendar;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.majordome.api.schedule.CronText;
import org.majordome.api.text.ConfigRefusal;

/**
 * The {@code plugins.calendar} section: the feeds, then what every room gets and per-room overrides under
 * {@code rooms:}. The YAML, with every default, is in the package documentation.
 *
 * @param feeds       the iCalendar feeds
 * @param zone        the zone of dates the feeds give without one (all-day events, floating times), of the daily
 *                    agenda's schedule and of the times the bot writes
 * @param reminders   how long before each event to remind of it (e.g. {@code [1d, 15m]}); empty for no reminders
 * @param dailyAgenda when to post the day's agenda: a Quartz cron expression with seconds in {@code zone};
 *                    empty for none
 * @param agendaDays  how many days {@code !agenda} shows without an argument
 * @param refresh     how often feeds are fetched again
 * @param tick        how often due reminders are looked for (their precision)
 * @param httpTimeout how long one fetch may take before it counts as failed
 * @param lookAhead   how far ahead events are expanded; reminders and {@code !agenda} see no further
 * @param rooms       overrides by room JID
 */
public record CalendarConfig(List<Feed> feeds, ZoneId zone, List<Duration> reminders, String dailyAgenda,
                             int agendaDays, Duration refresh, Duration tick, Duration httpTimeout,
                             Duration lookAhead, Map<String, RoomOverrides> rooms) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    static final int MAX_AGENDA_DAYS = 62;

    public CalendarConfig {
        feeds = List.copyOf(feeds);
        Set<String> names = new HashSet<>();
        for (Feed feed : feeds) {
            if (!names.add(feed.name())) {
                throw new ConfigRefusal("feeds", "config.name-twice", feed.name());
            }
        }
        Objects.requireNonNull(zone, "zone");
        reminders = sortedReminders("reminders", reminders);
        checkAgenda(dailyAgenda);
        checkAgendaDays("agenda-days", agendaDays);
        Objects.requireNonNull(refresh, "refresh");
        Objects.requireNonNull(tick, "tick");
        Objects.requireNonNull(httpTimeout, "httpTimeout");
        Objects.requireNonNull(lookAhead, "lookAhead");
        Map<String, RoomOverrides> lowerCased = new LinkedHashMap<>();
        rooms.forEach((jid, overrides) -> {
            overrides.reminders().ifPresent(list -> sortedReminders("rooms." + jid + ".reminders", list));
            overrides.agendaDays().ifPresent(days -> checkAgendaDays("rooms." + jid + ".agenda-days", days));
            lowerCased.put(jid.toLowerCase(Locale.ROOT), overrides);
        });
        rooms = Collections.unmodifiableMap(lowerCased);
    }

    /** No feeds; reminders a day and a quarter of an hour before; the agenda at 08:00 UTC; a week for !agenda. */
    public static CalendarConfig defaults() {
        return new CalendarConfig(List.of(), ZoneOffset.UTC, List.of(Duration.ofDays(1), Duration.ofMinutes(15)),
                "0 0 8 * * ?", 7, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofSeconds(20),
                Duration.ofDays(40), Map.of());
    }

    /** The settings that apply in one room: its overrides over the plugin-wide values. */
    public RoomSettings forRoom(String roomJid) {
        String jid = roomJid.toLowerCase(Locale.ROOT);
        RoomOverrides o = rooms.getOrDefault(jid, RoomOverrides.NONE);
        List<String> feedNames = feeds.stream().filter(feed -> feed.servesRoom(jid)).map(Feed::name).toList();
        return new RoomSettings(feedNames, o.zone().orElse(zone),
                o.reminders().map(list -> sortedReminders("", list)).orElse(reminders),
                o.dailyAgenda().orElse(dailyAgenda), o.agendaDays().orElse(agendaDays));
    }

    /** The feed of that name, if configured. */
    public Optional<Feed> feed(String name) {
        return feeds.stream().filter(feed -> feed.name().equals(name)).findFirst();
    }

    /**
     * One iCalendar feed.
     *
     * @param name   how the logs and storage call it: lower-case letters, digits, {@code -}, {@code _}
     * @param source an {@code http://} or {@code https://} URL, a {@code file:} URL or a file path
     * @param rooms  the rooms it serves (room JIDs); every room the plugin is enabled in when absent
     */
    public record Feed(String name, String source, Optional<List<String>> rooms) {

        public Feed {
            Objects.requireNonNull(name, "name");
            if (!NAME.matcher(name).matches()) {
                throw new ConfigRefusal("name", "config.feed-name", name);
            }
            if (source == null || source.isBlank()) {
                throw new ConfigRefusal("source", "config.feed-source-empty", name);
            }
            if (isHttp(source)) {
                try {
                    URI.create(source.strip());
                } catch (IllegalArgumentException e) {
                    throw new ConfigRefusal("source", e, "config.feed-source-url", name, source, e.getMessage());
                }
            }
            rooms = rooms.map(jids -> jids.stream().map(jid -> jid.toLowerCase(Locale.ROOT)).toList());
        }

        /** A feed for every room the plugin is enabled in. */
        public static Feed of(String name, String source) {
            return new Feed(name, source, Optional.empty());
        }

        /** Whether the source is fetched over HTTP(S) rather than read from a file. */
        public boolean http() {
            return isHttp(source);
        }

        boolean servesRoom(String roomJid) {
            return rooms.map(jids -> jids.contains(roomJid)).orElse(true);
        }

        private static boolean isHttp(String source) {
            String lower = source.strip().toLowerCase(Locale.ROOT);
            return lower.startsWith("http://") || lower.startsWith("https://");
        }
    }

    /** One room's overrides; each key is optional and means the same as the plugin-wide one. */
    public record RoomOverrides(Optional<ZoneId> zone, Optional<List<Duration>> reminders,
                                Optional<String> dailyAgenda, Optional<Integer> agendaDays) {
        public RoomOverrides {
            dailyAgenda.ifPresent(CalendarConfig::checkAgenda);
        }

        static final RoomOverrides NONE = new RoomOverrides(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /**
     * What applies in one room.
     *
     * @param feeds     the names of the feeds that serve it
     * @param reminders longest first
     */
    public record RoomSettings(List<String> feeds, ZoneId zone, List<Duration> reminders, String dailyAgenda,
                               int agendaDays) {
    }

    private static List<Duration> sortedReminders(String key, List<Duration> reminders) {
        for (Duration reminder : reminders) {
            if (reminder.isNegative() || reminder.isZero()) {
                throw new ConfigRefusal(key, "config.reminder-before");
            }
        }
        return reminders.stream().distinct().sorted(Comparator.reverseOrder()).toList();
    }

    /** Blank means no agenda; anything else must be a cron expression the scheduler takes. */
    private static void checkAgenda(String dailyAgenda) {
        Objects.requireNonNull(dailyAgenda, "dailyAgenda");
        if (!dailyAgenda.isBlank()) {
            CronText.requireValid("daily-agenda", dailyAgenda);
        }
    }

    private static void checkAgendaDays(String key, int days) {
        if (days < 1 || days > MAX_AGENDA_DAYS) {
            throw new ConfigRefusal(key, "config.agenda-days", MAX_AGENDA_DAYS, days);
        }
    }
}
