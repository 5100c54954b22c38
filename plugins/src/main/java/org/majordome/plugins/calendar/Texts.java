package org.majordome.plugins.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** What the plugin writes: reminders, agendas, change notices. */
final class Texts {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

    private Texts() {
    }

    static String reminder(Occurrence occurrence, Instant now, ZoneId zone) {
        return "⏰ " + occurrence.summary() + " — " + until(occurrence, now, zone) + " (" + when(occurrence, zone)
                + where(occurrence) + ")";
    }

    static String moved(Occurrence now, Instant previousStart, ZoneId zone) {
        return "📅 Moved: " + now.summary() + " is now " + when(now, zone) + where(now) + " (was "
                + moment(previousStart, now.allDay(), zone) + ")";
    }

    static String cancelled(String summary, Instant start, boolean allDay, ZoneId zone) {
        return "❌ Cancelled: " + summary + " on " + moment(start, allDay, zone);
    }

    static String agenda(List<Occurrence> occurrences, int days, ZoneId zone) {
        String period = days == 1 ? "the next day" : "the next " + days + " days";
        if (occurrences.isEmpty()) {
            return "Nothing on the agenda for " + period + ".";
        }
        StringBuilder text = new StringBuilder("Agenda for ").append(period).append(':');
        for (Occurrence occurrence : occurrences) {
            text.append("\n• ").append(DAY.format(occurrence.start().atZone(zone))).append(' ')
                    .append(span(occurrence, zone)).append(' ').append(occurrence.summary()).append(where(occurrence));
        }
        return text.toString();
    }

    static String today(List<Occurrence> occurrences, LocalDate day, ZoneId zone) {
        StringBuilder text = new StringBuilder("Today, ").append(DAY.format(day)).append(':');
        for (Occurrence occurrence : occurrences) {
            text.append("\n• ").append(span(occurrence, zone)).append(' ').append(occurrence.summary())
                    .append(where(occurrence));
        }
        return text.toString();
    }

    static String next(Occurrence occurrence, Instant now, ZoneId zone) {
        return "Next: " + occurrence.summary() + " — " + when(occurrence, zone) + where(occurrence) + ", "
                + until(occurrence, now, zone) + ".";
    }

    /** "Mon 2025-01-06 09:00 CET", or "Wed 2025-01-08 (all day)". */
    static String when(Occurrence occurrence, ZoneId zone) {
        return moment(occurrence.start(), occurrence.allDay(), zone);
    }

    private static String moment(Instant instant, boolean allDay, ZoneId zone) {
        var at = instant.atZone(zone);
        return allDay ? DAY.format(at) + " (all day)" : DAY.format(at) + " " + TIME.format(at) + " " + ZONE.format(at);
    }

    private static String span(Occurrence occurrence, ZoneId zone) {
        if (occurrence.allDay()) {
            return "all day";
        }
        String start = TIME.format(occurrence.start().atZone(zone));
        return occurrence.end().equals(occurrence.start()) ? start
                : start + "–" + TIME.format(occurrence.end().atZone(zone));
    }

    private static String where(Occurrence occurrence) {
        return occurrence.location().map(location -> ", " + location).orElse("");
    }

    /** "in 15 minutes", "in 1 day", "tomorrow" for an all-day event, "now". */
    static String until(Occurrence occurrence, Instant now, ZoneId zone) {
        if (occurrence.allDay()) {
            long days = java.time.temporal.ChronoUnit.DAYS.between(now.atZone(zone).toLocalDate(),
                    occurrence.day(zone));
            return days <= 0 ? "today" : days == 1 ? "tomorrow" : "in " + days + " days";
        }
        Duration left = Duration.between(now, occurrence.start());
        if (left.isNegative()) {
            return "started";
        }
        // Rounded to the minute: a tick a second late still says "in 15 minutes".
        long minutes = (left.toSeconds() + 30) / 60;
        if (minutes < 1) {
            return "now";
        }
        if (minutes >= 24 * 60) {
            return "in " + plural(minutes / (24 * 60), "day");
        }
        if (minutes >= 60) {
            return "in " + plural(minutes / 60, "hour") + (minutes % 60 == 0 ? "" : " " + plural(minutes % 60, "minute"));
        }
        return "in " + plural(minutes, "minute");
    }

    private static String plural(long amount, String unit) {
        return amount + " " + unit + (amount == 1 ? "" : "s");
    }
}
