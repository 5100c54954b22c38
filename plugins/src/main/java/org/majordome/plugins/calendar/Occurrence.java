package org.majordome.plugins.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * One instance of a calendar event, as it stands in its feed now.
 *
 * @param feed     the name of the feed it comes from
 * @param uid      the event's UID (RFC 5545 §3.8.4.7)
 * @param instance which instance of the event this is: for a recurring event its original start (the RECURRENCE-ID
 *                 of an overridden instance, RFC 5545 §3.8.4.4), which stays the same when the instance is moved;
 *                 {@link #ONE_OFF} for an event that does not recur, which stays itself wherever it moves
 * @param summary  the event's title
 * @param location where, if the feed says
 * @param start    when it starts; for an all-day event, the start of its first day in the feed's zone
 * @param end      when it ends (equal to {@code start} for an event without duration)
 * @param allDay   whether it is a date rather than a time (VALUE=DATE)
 */
record Occurrence(String feed, String uid, Instant instance, String summary, Optional<String> location,
                  Instant start, Instant end, boolean allDay) {

    /** The instance of an event without recurrence. */
    static final Instant ONE_OFF = Instant.EPOCH;

    Occurrence {
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    /** Names this instance across refreshes and restarts, whatever its current time. */
    InstanceId id() {
        return new InstanceId(feed, uid, instance);
    }

    /** The day it starts on, in {@code zone}. */
    LocalDate day(ZoneId zone) {
        return start.atZone(zone).toLocalDate();
    }

    /** Who is this instance, independent of when it now takes place. */
    record InstanceId(String feed, String uid, Instant instance) {
        InstanceId {
            Objects.requireNonNull(feed, "feed");
            Objects.requireNonNull(uid, "uid");
            Objects.requireNonNull(instance, "instance");
        }
    }
}
