/**
 * The topic plugin (id {@code topic}): rotates a room's subject (XEP-0045 §8.1) through a list, on a cron schedule
 * in the room's time zone.
 *
 * <p>Subjects come in the listed order or shuffled (each once per round, never the same twice in a row); where
 * the list stands is kept in the plugin's storage, so a restart goes on where it was. A missed fire time is not
 * caught up. A room that has no subject when the bot joins it (a room the bot has just created) gets the next
 * subject at once, rather than at the next fire time, which may be a day away. When a person changes the subject ({@link org.majordome.api.event.SubjectChangedEvent} not set by
 * the bot), rotation pauses for {@code pause-after-manual} instead of overwriting them. When the room refuses the
 * change (the bot is no moderator, the room lets nobody change it...), the plugin logs it once and retries after
 * 1, 2, 4... up to 64 skipped fire times, until a change works again, the bot rejoins or the configuration changes.
 *
 * <p>Commands, for moderators: {@code !topic} (when the subject changes next), {@code !topic next} (change it
 * now), {@code !topic pause [duration]} (e.g. {@code 2h}; default {@code pause-after-manual}), {@code !topic resume}.
 *
 * <p>Configuration, with every default; rotation runs in every room the plugin is enabled in whose subject list
 * is not empty, and {@code rooms:} overrides any key for one room:
 * <pre>{@code
 * plugins:
 *   topic:
 *     subjects: []                  # e.g. ["Welcome! Today is {date}", "Meeting notes: see the wiki"]
 *     schedule: "0 0 8 * * ?"       # Quartz cron with seconds: every day at 08:00
 *     zone: UTC                     # time zone of the schedule and of {date}
 *     order: in-order               # in-order or shuffled
 *     date-format: yyyy-MM-dd       # java.time pattern for {date}
 *     pause-after-manual: 24h       # rotation waits this long after someone set the subject by hand
 *     rooms:
 *       lobby@conference.example.org:
 *         subjects: ["Lobby — {date}", "Be kind to each other"]
 *         zone: Europe/Paris
 *         order: shuffled
 * }</pre>
 */
package org.majordome.plugins.topic;
