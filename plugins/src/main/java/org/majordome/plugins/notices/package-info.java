/**
 * The notices plugin (id {@code notices}): announcements posted to one or several rooms on cron schedules, each in
 * its own time zone.
 *
 * <p>A notice may ask to be posted only when someone spoke in the room since it was last posted there, so that a
 * quiet room is not filled with the bot's own reminders (the first posting always happens). After downtime a
 * missed notice is posted at most once, late ({@code catch-up: once}), or not at all ({@code catch-up: none}); it
 * is never replayed for every fire time it missed. A notice is not posted in a room the bot is out of at that
 * moment; one that catches up is posted once when the bot joins the room again (after a kick, a restart or, with
 * several instances, by the instance that takes the room over after a failover: every instance runs the notices'
 * timers, only the room's holder is in the room, and the last fire time is kept in the storage they share).
 * {@code !notices} lists the notices of the room it is asked in and when each comes next.
 *
 * <p>Configuration, with every default (each notice needs {@code name}, {@code text} and {@code schedule}):
 * <pre>{@code
 * plugins:
 *   notices:
 *     zone: UTC                         # time zone of schedules that name none
 *     notices: []
 *     # for example:
 *     # notices:
 *     #   - name: weekly-meeting
 *     #     text: "Reminder: team meeting at 10:00 in the garden room."
 *     #     schedule: "0 0 9 ? * MON"     # Quartz cron with seconds: Mondays at 09:00
 *     #     zone: Europe/Paris            # optional, else the zone above
 *     #     rooms: [lobby@conference.example.org, garden@conference.example.org]
 *     #                                   # optional, else every room the plugin is enabled in
 *     #     only-after-activity: true     # optional, default false
 *     #     catch-up: once                # optional: none (default) or once
 * }</pre>
 */
package org.majordome.plugins.notices;
