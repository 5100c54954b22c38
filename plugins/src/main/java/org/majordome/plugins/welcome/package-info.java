/**
 * The welcome plugin (id {@code welcome}): greets people who enter a room (XEP-0045 §7.2 occupant presence, seen
 * by plugins as {@link org.majordome.api.event.OccupantJoinedEvent}) and answers {@code !rules}.
 *
 * <p>First-time visitors and returning ones get different texts. Who has been seen is remembered per room in the
 * plugin's storage, keyed by the occupant's real JID when the room shows it, else by its stable occupant id
 * (XEP-0421), else by nick. No greeting goes to:
 * <ul>
 *   <li>the bot itself, or the occupants already there when the bot (re)joins (the runtime sends no join for
 *       them; joins within {@code settle-after-join} of the bot's own join are ignored as well);</li>
 *   <li>someone seen in the room (joining or leaving) less than {@code rejoin-cooldown} ago;</li>
 *   <li>anyone during a join flood: more than {@code flood-joins} joins within {@code flood-window}. Once the
 *       room has been quiet for a flood window, one {@code flood-summary} welcomes everyone who got no
 *       greeting ("Welcome to the 20 newcomers!").</li>
 * </ul>
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
 *     flood-summary: "Welcome to the {newcomers} newcomers!"   # said once per flood; "" for nothing
 *     settle-after-join: 2s       # joins this soon after the bot's own join are not greeted
 *     rooms:
 *       lobby@conference.example.org:
 *         first-time: "Hello {nick}, read the rules with !rules."
 *         delivery: private
 *         rules: "Be kind. No spam."
 * }</pre>
 */
package org.majordome.plugins.welcome;
