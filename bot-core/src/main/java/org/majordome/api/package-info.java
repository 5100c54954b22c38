/**
 * The public plugin API: everything a plugin (shipped, user-written, or script) may use.
 *
 * <p>A plugin is one class implementing {@link org.majordome.api.Plugin}. It receives events
 * ({@link org.majordome.api.event}) through public methods annotated {@link org.majordome.api.OnEvent}
 * (or, for plugins that decide at run time, through {@link org.majordome.api.EventListener}),
 * offers commands through methods annotated {@link org.majordome.api.command.Command} (or registered at
 * start through {@link org.majordome.api.command.CommandRegistry}), and acts on rooms through
 * {@link org.majordome.api.room.RoomHandle}. Everything it needs at run time comes from its
 * {@link org.majordome.api.PluginContext}.
 *
 * <p>Guarantees the runtime gives every plugin:
 * <ul>
 *   <li>events of one room arrive in order, one at a time per plugin (unless a call overran the time limit,
 *       see below); different rooms run concurrently, so handler code must be thread-safe across rooms;
 *       direct messages belong to no room and reach every running plugin;</li>
 *   <li>plugin code never runs on the XMPP library's reader thread;</li>
 *   <li>an exception thrown by a handler is logged (plugin, room, event type) and other plugins still get
 *       the event; a handler running past the configured time limit is logged and no longer holds back the
 *       room's queue;</li>
 *   <li>a command's handler only runs after the permission stage accepted the sender.</li>
 * </ul>
 *
 * <p>Nothing in this package or its subpackages depends on the XMPP library: JIDs are plain lower-case
 * strings, as in the event records.
 */
package org.majordome.api;
