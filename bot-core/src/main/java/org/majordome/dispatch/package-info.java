/**
 * Internal: delivers events to plugins and runs commands. Plugins never import this package.
 *
 * <p>{@link org.majordome.dispatch.Dispatcher} takes events from the XMPP intake on any thread without
 * blocking, keeps one bounded, ordered queue per room (and one per direct-chat sender), drains each on a
 * virtual thread, and calls every plugin enabled for the room on that thread, in isolation: an exception or
 * an overrun of the time limit is logged with plugin, room and event type, and the others go on (a call
 * past the limit is left to finish alone while a new thread carries on with the queue, see
 * {@code IsolatedCalls}). Message events then go
 * through the command stage: parse, per-sender rate limit, permission check, argument count, handler.
 *
 * <p>{@link org.majordome.dispatch.PluginRegistry} checks plugins and their annotated methods at startup and
 * says which plugins run in which room; {@link org.majordome.dispatch.PluginLifecycle} binds their
 * configuration, starts and stops them.
 *
 * <p>Permission decisions use the occupant's affiliation and role from XEP-0045 presence (§5.1, §5.2), as
 * copied into the event's {@link org.majordome.api.event.Occupant} snapshot, and the bot admins' bare JIDs.
 */
package org.majordome.dispatch;
