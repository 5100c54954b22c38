/**
 * The core plugin (id {@code core}): the commands every bot answers.
 *
 * <ul>
 *   <li>{@code !ping} answers {@code pong}, to check that the bot is alive;</li>
 *   <li>{@code !about} tells the runtime's version, how long the plugin has been running and in how many of its
 *       rooms the bot is;</li>
 *   <li>{@code !rooms}, for bot admins only, lists every room the bot keeps, whether it is in it and how many
 *       occupants it sees there. The answer always goes privately, because room names may be secret.</li>
 * </ul>
 * {@code !help} comes from the runtime itself, not from this plugin.
 *
 * <p>Configuration: none. Enable {@code core} in a room's plugin list; a {@code plugins.core} section, if
 * present, is not read.
 */
package org.majordome.plugins.core;
