/**
 * Internal: delivers events to plugins and runs commands. Plugins never import this package.
 *
 * <p>{@link org.majordome.dispatch.Dispatcher} takes events from the XMPP intake on any thread without
 * blocking and keeps one bounded, ordered queue per room (and one per direct-chat sender), drained on a
 * virtual thread that runs no plugin code: it hands each event to one bounded, ordered lane per room and
 * plugin ({@code PluginLanes}), and runs the runtime's part of the command stage (parse, per-sender
 * allowance with its one private notice, help, permission check, argument count), whose command call joins
 * its plugin's lane.
 *
 * <p>Guarantees: a plugin sees one room's events, and its commands there, in order and one call at a time;
 * plugins of a room, and rooms, run side by side, so a slow or looping plugin holds back only its own lane.
 * Every call is isolated: an exception or an overrun of the time limit is logged with plugin, room and event
 * type; a call past the limit is left to finish alone while a new thread carries on with its lane, and that
 * plugin's calls in that room are skipped until it returns (see {@code IsolatedCalls}). A lane's thread only
 * runs one plugin's calls in one room, and the MDC is put back after every call, so no thread state passes
 * from one plugin to another. A full room queue sheds the event; a full lane sheds it for that plugin only.
 * A plugin an operator disabled ({@link org.majordome.dispatch.PluginRegistry#pause}) stays started but is handed
 * nothing; the check is made again at each call, so a call queued before the pause never runs after it, and its
 * commands are answered as unknown.
 *
 * <p>{@link org.majordome.dispatch.PluginRegistry} checks plugins and their annotated methods at startup and
 * says which plugins run in which room; {@link org.majordome.dispatch.PluginLifecycle} binds their
 * configuration, starts and stops them. {@link org.majordome.dispatch.NickChecks} keeps the plugins'
 * {@link org.majordome.api.room.NickCheck}s across reloads (each asked only in its plugin's rooms, withdrawn when the
 * plugin stops), which the web chat asks before a visitor joins.
 *
 * <p>Permission decisions use the occupant's affiliation and role from XEP-0045 presence (§5.1, §5.2), as
 * copied into the event's {@link org.majordome.api.event.Occupant} snapshot, and the bot admins' bare JIDs.
 */
package org.majordome.dispatch;
