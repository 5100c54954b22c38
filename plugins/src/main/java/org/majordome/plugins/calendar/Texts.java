package org.majordome.plugins.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.majordome.api.text.Wording;

/**
 * What the plugin writes: reminders, agendas, change notices, in the audience's language (the plugin's bundle:
 * {@code format.day}, {@code format.time} and {@code format.zone} say how dates are written) and in the calendar's
 * zone.
 */
final class Texts {

    private Texts() {
    }

    static String reminder(Wording wording, Occurrence occurrence, Instant now, ZoneId zone) {
        return wording.format("reminder", occurrence.summary(), until(wording, occurrence, now, zone),
                when(wording, occurrence, zone), where(wording, occurrence));
    }

    static String moved(Wording wording, Occurrence now, Instant previousStart, ZoneId zone) {
        return wording.format("moved", now.summary(), when(wording, now, zone), where(wording, now),
                moment(wording, previousStart, now.allDay(), zone));
    }

    static String cancelled(Wording wording, String summary, Instant start, boolean allDay, ZoneId zone) {
        return wording.format("cancelled", summary, moment(wording, start, allDay, zone));
    }

    static String agenda(Wording wording, List<Occurrence> occurrences, int days, ZoneId zone) {
        String period = wording.format("period", days);
        if (occurrences.isEmpty()) {
            return wording.format("agenda.empty", period);
        }
        StringBuilder text = new StringBuilder(wording.format("agenda.header", period));
        for (Occurrence occurrence : occurrences) {
            text.append("\n• ").append(format(wording, "format.day", occurrence.start(), zone)).append(' ')
                    .append(span(wording, occurrence, zone)).append(' ').append(occurrence.summary())
                    .append(where(wording, occurrence));
        }
        return text.toString();
    }

    static String today(Wording wording, List<Occurrence> occurrences, LocalDate day, ZoneId zone) {
        StringBuilder text = new StringBuilder(wording.format("today.header",
                pattern(wording, "format.day").format(day)));
        for (Occurrence occurrence : occurrences) {
            text.append("\n• ").append(span(wording, occurrence, zone)).append(' ').append(occurrence.summary())
                    .append(where(wording, occurrence));
        }
        return text.toString();
    }

    static String next(Wording wording, Occurrence occurrence, Instant now, ZoneId zone) {
        return wording.format("next", occurrence.summary(), when(wording, occurrence, zone), where(wording, occurrence),
                until(wording, occurrence, now, zone));
    }

    /** "Mon 2025-01-06 09:00 CET", or "Wed 2025-01-08 (all day)". */
    static String when(Wording wording, Occurrence occurrence, ZoneId zone) {
        return moment(wording, occurrence.start(), occurrence.allDay(), zone);
    }

    private static String moment(Wording wording, Instant instant, boolean allDay, ZoneId zone) {
        String day = format(wording, "format.day", instant, zone);
        return allDay ? wording.format("all-day-moment", day) : day + " " + format(wording, "format.time", instant, zone)
                + " " + format(wording, "format.zone", instant, zone);
    }

    private static String span(Wording wording, Occurrence occurrence, ZoneId zone) {
        if (occurrence.allDay()) {
            return wording.format("all-day");
        }
        String start = format(wording, "format.time", occurrence.start(), zone);
        return occurrence.end().equals(occurrence.start()) ? start
                : start + "–" + format(wording, "format.time", occurrence.end(), zone);
    }

    private static String where(Wording wording, Occurrence occurrence) {
        return occurrence.location().map(location -> wording.format("where", location)).orElse("");
    }

    /** "in 15 minutes", "in 1 day", "tomorrow" for an all-day event, "now". */
    static String until(Wording wording, Occurrence occurrence, Instant now, ZoneId zone) {
        if (occurrence.allDay()) {
            long days = java.time.temporal.ChronoUnit.DAYS.between(now.atZone(zone).toLocalDate(),
                    occurrence.day(zone));
            return days <= 0 ? wording.format("until.today") : days == 1 ? wording.format("until.tomorrow")
                    : wording.format("until.days", days);
        }
        Duration left = Duration.between(now, occurrence.start());
        if (left.isNegative()) {
            return wording.format("until.started");
        }
        // Rounded to the minute: a tick a second late still says "in 15 minutes".
        long minutes = (left.toSeconds() + 30) / 60;
        if (minutes < 1) {
            return wording.format("until.now");
        }
        if (minutes >= 24 * 60) {
            return wording.format("until.in", wording.format("unit.days", minutes / (24 * 60)));
        }
        if (minutes >= 60) {
            String hours = wording.format("unit.hours", minutes / 60);
            return wording.format("until.in", minutes % 60 == 0 ? hours
                    : wording.format("until.hours-minutes", hours, wording.format("unit.minutes", minutes % 60)));
        }
        return wording.format("until.in", wording.format("unit.minutes", minutes));
    }

    private static String format(Wording wording, String key, Instant instant, ZoneId zone) {
        return pattern(wording, key).format(instant.atZone(zone));
    }

    /** A java.time pattern of the bundle, in the wording's language. */
    private static DateTimeFormatter pattern(Wording wording, String key) {
        return DateTimeFormatter.ofPattern(wording.format(key), wording.language());
    }
}
