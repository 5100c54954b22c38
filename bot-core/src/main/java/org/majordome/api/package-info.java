/**
 * The public plugin API: everything a plugin (shipped, user-written, or script) may use.
 *
 * <p>A plugin is one class implementing {@link org.majordome.api.Plugin}. It receives events
 * ({@link org.majordome.api.event}) through public methods annotated {@link org.majordome.api.OnEvent}
 * (or, for plugins that decide at run time, through {@link org.majordome.api.EventListener}),
 * offers commands through methods annotated {@link org.majordome.api.command.Command} (or registered at
 * start through {@link org.majordome.api.command.CommandRegistry}), and acts on rooms through
 * {@link org.majordome.api.room.RoomHandle}. Everything it needs at run time comes from its
 * {@link org.majordome.api.PluginContext}, the words it says to people included: its message bundles, in each
 * audience's language ({@link org.majordome.api.text}).
 *
 * <p>Guarantees the runtime gives every plugin:
 * <ul>
 *   <li>events of one room, and the plugin's commands there, arrive in order, one at a time per plugin
 *       (unless a call overran the time limit, see below); different rooms, and different plugins of one
 *       room, run concurrently, so handler code must be thread-safe across rooms, and no order between two
 *       plugins' calls is promised; direct messages belong to no room and reach every running plugin, in
 *       order per sender;</li>
 *   <li>plugin code never runs on the XMPP library's reader thread, nor on a thread that runs another
 *       plugin's calls; what a call leaves in the logging MDC is removed when it returns;</li>
 *   <li>an exception thrown by a handler is logged (plugin, room, event type) and other plugins still get
 *       the event; a slow handler delays only its own plugin's next calls in that room, and one running past
 *       the configured time limit is logged and left to finish alone (that plugin's calls in that room are
 *       skipped until it returns);</li>
 *   <li>a command's handler only runs after the permission stage accepted the sender.</li>
 * </ul>
 *
 * <p>Nothing in this package or its subpackages depends on the XMPP library: JIDs are plain lower-case
 * strings, as in the event records.
 */
package org.majordome.api;
