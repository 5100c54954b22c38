package org.majordome.plugins.calendar;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateListProperty;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.RRule;

/**
 * Reads an iCalendar feed (RFC 5545) and lists the event instances in a window: recurrence rules
 * (RRULE, §3.8.5.3) expanded in the event's own time zone, so that a weekly 09:00 stays at 09:00 across daylight
 * saving changes; RDATE and EXDATE (§3.8.5.1-2); instances overridden by a VEVENT with a RECURRENCE-ID
 * (§3.8.4.4), which may move or cancel them; cancelled events (STATUS:CANCELLED) left out. Dates without a
 * zone (all-day events and "floating" times) are read in the feed's configured zone.
 */
final class FeedParser {

    /** Longest event the window search looks back for, so that one that started before the window is still seen. */
    private static final Duration LONGEST_EVENT = Duration.ofDays(14);

    private FeedParser() {
    }

    /** Thrown when a feed is not readable iCalendar. */
    static final class MalformedFeedException extends Exception {
        MalformedFeedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Parses only, to check a feed before it replaces the last good copy. */
    static Calendar parse(String ics) throws MalformedFeedException {
        try {
            Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
            if (calendar == null) {
                throw new MalformedFeedException("no VCALENDAR found", null);
            }
            return calendar;
        } catch (ParserException | IOException | RuntimeException e) {
            throw new MalformedFeedException("not readable iCalendar: " + e.getMessage(), e);
        }
    }

    /**
     * The instances of the feed's events that overlap {@code [from, to)}, by start time.
     *
     * @param zone the zone of dates and times the feed gives without one
     */
    static List<Occurrence> occurrences(String feedName, Calendar calendar, ZoneId zone, Instant from, Instant to) {
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        Map<String, Map<Instant, VEvent>> overrides = new HashMap<>();
        for (VEvent event : events) {
            Optional<DateProperty<Temporal>> recurrenceId = event.getProperty(Property.RECURRENCE_ID);
            if (recurrenceId.isPresent()) {
                overrides.computeIfAbsent(uid(event), key -> new HashMap<>())
                        .put(toInstant(recurrenceId.get().getDate(), zone), event);
            }
        }
        List<Occurrence> found = new ArrayList<>();
        for (VEvent event : events) {
            if (event.getProperty(Property.RECURRENCE_ID).isPresent()) {
                continue;
            }
            Map<Instant, VEvent> overridden = overrides.getOrDefault(uid(event), Map.of());
            if (!recurs(event)) {
                occurrence(feedName, event, event, Occurrence.ONE_OFF, zone).ifPresent(found::add);
                continue;
            }
            for (Instant instance : instances(event, zone, from, to)) {
                VEvent actual = overridden.getOrDefault(instance, event);
                occurrence(feedName, actual, event, instance, zone).ifPresent(found::add);
            }
            // An override may move an instance into the window from outside it.
            overridden.forEach((instance, override) -> {
                if (instance.isBefore(from.minus(LONGEST_EVENT)) || !instance.isBefore(to)) {
                    occurrence(feedName, override, event, instance, zone).ifPresent(found::add);
                }
            });
        }
        return found.stream()
                .filter(occurrence -> occurrence.end().isAfter(from) || occurrence.start().isAfter(from)
                        || occurrence.start().equals(from))
                .filter(occurrence -> occurrence.start().isBefore(to))
                .distinct()
                .sorted(Comparator.comparing(Occurrence::start).thenComparing(Occurrence::summary))
                .toList();
    }

    /** The original starts of the event's instances that may overlap the window (EXDATEs removed). */
    private static List<Instant> instances(VEvent event, ZoneId zone, Instant from, Instant to) {
        Optional<DateProperty<Temporal>> dtStart = event.getProperty(Property.DTSTART);
        if (dtStart.isEmpty()) {
            return List.of();
        }
        Temporal seed = dtStart.get().getDate();
        Instant searchFrom = from.minus(LONGEST_EVENT);
        Set<Instant> starts = new HashSet<>();
        List<RRule<Temporal>> rules = event.getProperties(Property.RRULE);
        if (rules.isEmpty()) {
            starts.add(toInstant(seed, zone));
        } else {
            Temporal typedSeed = recurrenceSeed(seed);
            for (RRule<Temporal> rule : rules) {
                @SuppressWarnings("unchecked")
                Recur<Temporal> recur = (Recur<Temporal>) (Recur<?>) rule.getRecur();
                Temporal periodStart = sameKind(typedSeed, searchFrom, zone);
                Temporal periodEnd = sameKind(typedSeed, to, zone);
                for (Temporal date : recur.getDates(typedSeed, periodStart, periodEnd)) {
                    starts.add(toInstant(date, zone));
                }
                // RFC 5545 §3.8.5.3: DTSTART is always the first instance, even when the rule does not match it.
                starts.add(toInstant(seed, zone));
            }
        }
        List<DateListProperty<Temporal>> rdates = event.getProperties(Property.RDATE);
        for (DateListProperty<Temporal> rdate : rdates) {
            for (Temporal date : rdate.getDates()) {
                starts.add(toInstant(date, zone));
            }
        }
        List<DateListProperty<Temporal>> exdates = event.getProperties(Property.EXDATE);
        for (DateListProperty<Temporal> exdate : exdates) {
            for (Temporal date : exdate.getDates()) {
                starts.remove(toInstant(date, zone));
            }
        }
        return starts.stream().filter(start -> !start.isBefore(searchFrom) && start.isBefore(to)).sorted().toList();
    }

    private static boolean recurs(VEvent event) {
        return event.getProperty(Property.RRULE).isPresent() || event.getProperty(Property.RDATE).isPresent();
    }

    private static Optional<Occurrence> occurrence(String feedName, VEvent event, VEvent master, Instant instance,
                                                   ZoneId zone) {
        if (cancelled(event) || cancelled(master)) {
            return Optional.empty();
        }
        Optional<DateProperty<Temporal>> dtStart = event.getProperty(Property.DTSTART);
        boolean allDay = dtStart.map(property -> property.getDate() instanceof LocalDate).orElse(false);
        Instant start = event == master && !instance.equals(Occurrence.ONE_OFF)
                ? instance
                : dtStart.map(property -> toInstant(property.getDate(), zone)).orElse(instance);
        Instant end = start.plus(length(event, zone, allDay));
        String summary = text(event, Property.SUMMARY).or(() -> text(master, Property.SUMMARY)).orElse("(no title)");
        Optional<String> location = text(event, Property.LOCATION).or(() -> text(master, Property.LOCATION));
        return Optional.of(new Occurrence(feedName, uid(master), instance, summary, location, start, end, allDay));
    }

    /** DTEND minus DTSTART, or DURATION; a day for an all-day event without either (RFC 5545 §3.6.1). */
    private static Duration length(VEvent event, ZoneId zone, boolean allDay) {
        Optional<DateProperty<Temporal>> dtStart = event.getProperty(Property.DTSTART);
        Optional<DateProperty<Temporal>> dtEnd = event.getProperty(Property.DTEND);
        if (dtStart.isPresent() && dtEnd.isPresent()) {
            Duration length = Duration.between(toInstant(dtStart.get().getDate(), zone),
                    toInstant(dtEnd.get().getDate(), zone));
            return length.isNegative() ? Duration.ZERO : length;
        }
        Optional<net.fortuna.ical4j.model.property.Duration> duration = event.getProperty(Property.DURATION);
        if (duration.isPresent() && dtStart.isPresent()) {
            TemporalAmount amount = duration.get().getDuration();
            ZonedDateTime begin = toInstant(dtStart.get().getDate(), zone).atZone(zone);
            return Duration.between(begin, begin.plus(amount));
        }
        return allDay ? Duration.ofDays(1) : Duration.ZERO;
    }

    private static boolean cancelled(VEvent event) {
        return text(event, Property.STATUS).map(status -> status.equalsIgnoreCase("CANCELLED")).orElse(false);
    }

    private static String uid(VEvent event) {
        return text(event, Property.UID).orElseGet(() -> "no-uid-" + Integer.toHexString(
                (text(event, Property.SUMMARY).orElse("") + text(event, Property.DTSTART).orElse("")).hashCode()));
    }

    private static Optional<String> text(VEvent event, String propertyName) {
        Optional<Property> property = event.getProperty(propertyName);
        return property.map(Property::getValue).map(String::strip).filter(value -> !value.isEmpty());
    }

    /** Recurrence is computed on local or zoned values, never on instants, so that rules follow wall-clock time. */
    private static Temporal recurrenceSeed(Temporal seed) {
        if (seed instanceof Instant instant) {
            return instant.atZone(ZoneOffset.UTC);
        }
        if (seed instanceof OffsetDateTime offset) {
            return offset.atZoneSameInstant(ZoneOffset.UTC);
        }
        return seed;
    }

    /** {@code instant} as the same kind of value as {@code seed}, for the bounds of a recurrence search. */
    private static Temporal sameKind(Temporal seed, Instant instant, ZoneId zone) {
        if (seed instanceof LocalDate) {
            return instant.atZone(zone).toLocalDate();
        }
        if (seed instanceof LocalDateTime) {
            return LocalDateTime.ofInstant(instant, zone);
        }
        if (seed instanceof ZonedDateTime zoned) {
            return instant.atZone(zoned.getZone());
        }
        return instant.atZone(ZoneOffset.UTC);
    }

    /** A date or time from the feed as an instant; dates and floating times are read in {@code zone}. */
    static Instant toInstant(Temporal temporal, ZoneId zone) {
        if (temporal instanceof Instant instant) {
            return instant;
        }
        if (temporal instanceof ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        if (temporal instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (temporal instanceof LocalDateTime local) {
            return local.atZone(zone).toInstant();
        }
        if (temporal instanceof LocalDate date) {
            return date.atStartOfDay(zone).toInstant();
        }
        throw new IllegalArgumentException("unsupported date value " + temporal);
    }
}
