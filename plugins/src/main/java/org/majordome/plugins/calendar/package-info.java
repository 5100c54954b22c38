/**
 * The calendar plugin (id {@code calendar}): shared agendas from iCalendar feeds (RFC 5545), read from files or
 * HTTP(S) URLs with ical4j.
 *
 * <p>Events, recurring ones included (RRULE, RDATE, EXDATE, instances moved or cancelled by a RECURRENCE-ID
 * override), are reminded in the rooms their feed serves at each configured offset before they start, and the
 * day's agenda is posted at a set time (nothing is posted on an empty day). When an instance someone was reminded
 * of moves or disappears from its feed, they are told. {@code !agenda [days]} and {@code !next} answer from the
 * room's feeds; {@code !subscribe} and {@code !unsubscribe} start and stop reminders by direct message to the
 * sender's real bare JID, which the room must show the bot (a non-anonymous room, or one where the bot moderates
 * and real JIDs are shown to moderators).
 *
 * <p>Each reminder goes once per event instance, offset and recipient: what was sent is written in the plugin's
 * storage before it goes, so neither a feed refresh nor a restart repeats it. When several offsets are due at once
 * (after downtime, or for a new subscriber) only the closest is sent. Due reminders are looked for every
 * {@code tick}; a reminder is never sent for an event that has started.
 *
 * <p>With several instances of the bot, each room's reminders and agenda come from the instance in the room. When
 * the agenda's time passes while no instance is in the room (a failover, a kick), the instance that joins it next
 * posts it, if it is still the same day; a subscriber's reminders and the news of a moved or cancelled event go out
 * once, from whichever instance records them first in the shared storage.
 *
 * <p>Feeds are fetched every {@code refresh} on the scheduler's threads, HTTP ones conditionally (ETag and
 * Last-Modified; a 304 keeps the copy). A feed that fails (HTTP error, timeout, malformed iCalendar) keeps its last
 * good copy, which is also kept in storage for restarts; the failure is logged once until the feed loads again, and
 * the other feeds are not affected.
 *
 * <p>Who does what: {@link org.majordome.plugins.calendar.CalendarPlugin} starts the plugin and answers its
 * commands; {@code FeedCache} keeps each feed's last good copy ({@code FeedFetcher} fetches, {@code FeedParser}
 * parses and expands) and the instances expanded over the moving window; {@code Reminders} speaks unasked
 * (reminders, moves and cancellations) and records what it sent in the {@code ReminderLedger};
 * {@code DailyAgenda} posts the day's agenda once per fire time;
 * {@code Texts} words every message.
 *
 * <p>Configuration, with every default (each feed needs {@code name} and {@code source}):
 * <pre>{@code
 * plugins:
 *   calendar:
 *     feeds: []
 *     # for example:
 *     # feeds:
 *     #   - name: team
 *     #     source: https://calendar.example.org/team.ics   # http(s) URL, file: URL or file path
 *     #     rooms: [lobby@conference.example.org]           # optional, else every room the plugin is enabled in
 *     zone: UTC               # zone of all-day and floating dates, of daily-agenda and of the times written
 *     reminders: [1d, 15m]    # how long before each event to remind; [] for none
 *     daily-agenda: "0 0 8 * * ?"   # Quartz cron with seconds, in zone; "" for none
 *     agenda-days: 7          # what !agenda shows without an argument (1 to 62)
 *     refresh: 15m            # how often feeds are fetched
 *     tick: 1m                # how often due reminders are looked for
 *     http-timeout: 20s       # a fetch taking longer fails
 *     look-ahead: 40d         # how far ahead events are seen
 *     rooms: {}
 *     # per-room overrides of zone, reminders, daily-agenda and agenda-days, e.g.:
 *     # rooms:
 *     #   lobby@conference.example.org:
 *     #     reminders: [1h]
 *     #     daily-agenda: ""
 * }</pre>
 */
package org.majordome.plugins.calendar;
