/**
 * The welcome plugin (id {@code welcome}): greets people who enter a room (XEP-0045 §7.2 occupant presence, seen
 * by plugins as {@link org.majordome.api.event.OccupantJoinedEvent}) and answers {@code !rules}.
 *
 * <p>First-time visitors and returning ones get different texts. Who has been seen is remembered per room in the
 * plugin's storage, keyed by the occupant's real JID when the room shows it, else by its stable occupant id
 * (XEP-0421), else by nick. Everyone who enters after the bot's own join is a newcomer, however soon after it.
 * No greeting goes to:
 * <ul>
 *   <li>the bot itself, or the occupants already there when the bot (re)joins: its join snapshot
 *       ({@link org.majordome.api.event.RoomJoinedEvent#occupants()}), for whom the runtime sends no join;</li>
 *   <li>someone seen in the room (joining or leaving) less than {@code rejoin-cooldown} ago.</li>
 * </ul>
 *
 * <p>A greeting waits {@code greeting-delay} for more joins, each newcomer starting the wait again: one newcomer
 * gets their greeting, several get one {@code flood-summary} ("Welcome to the 3 newcomers!", in the room whatever
 * the {@code delivery}), so a burst is never greeted one by one. A join flood, more than {@code flood-joins} joins
 * within {@code flood-window}, takes the greetings still waiting with it; once the room has been quiet for a
 * flood window, one {@code flood-summary} welcomes everyone who got no greeting ("Welcome to the 20
 * newcomers!"). {@code settle-after-join} is no longer used (it kept real newcomers ungreeted); a file that sets
 * it still loads, with a warning.
 *
 * <p>Configuration, with every default (each key may be left out; {@code rooms:} overrides any of them for one
 * room):
 * <pre>{@code
 * plugins:
 *   welcome:
 *     # {nick}: the newcomer; {room}: the room's configured title, else its JID's local part;
 *     # {count}: how many occupants are in the room (the bot not counted); {rules}: the rules below
 *     first-time: "Welcome to {room}, {nick}! {rules}"
 *     returning: "Welcome back, {nick}!"
 *     delivery: public            # public (to the room) or private (a private message to the newcomer)
 *     rules: ""                   # shown by !rules; empty: "No rules have been set for this room."
 *     rejoin-cooldown: 10m        # no greeting for someone seen here less than this long ago
 *     flood-joins: 5              # more joins than this within flood-window is a flood...
 *     flood-window: 30s           # ...which ends after this long without a join
 *     flood-summary: "Welcome to the {newcomers} newcomers!"   # for several at once, once per flood; "" for nothing
 *     greeting-delay: 2s          # a greeting waits this long for more joins (up to 1m; 1ms: at once)
 *     rooms:
 *       lobby@conference.example.org:
 *         first-time: "Hello {nick}, read the rules with !rules."
 *         delivery: private
 *         rules: "Be kind. No spam."
 * }</pre>
 */
package org.majordome.plugins.welcome;
