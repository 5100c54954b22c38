package org.majordome.api;

import org.majordome.api.event.BotEvent;

/**
 * A plugin that receives events through one method instead of annotated ones: for plugins that decide at
 * run time what they listen to, such as JavaScript plugins, which cannot carry annotations. A plugin
 * implementing it gets every event of the rooms it is enabled in (and every direct message) in
 * {@link #onEvent}, besides any {@link OnEvent} method it declares; it filters by type itself, cheaply,
 * since it is called for every event.
 *
 * <pre>{@code
 * public void onEvent(BotEvent event) {
 *     if (event instanceof RoomMessageReceivedEvent message) { ... }
 * }
 * }</pre>
 */
public interface EventListener {

    /** Handles one event; an exception is logged with the plugin's id and the other plugins go on. */
    void onEvent(BotEvent event);
}
