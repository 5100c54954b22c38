package org.majordome.dispatch;

import java.time.Instant;

/**
 * The last failure of a plugin's handler or command, for the operator console.
 *
 * @param room  the room of the call ({@code ""} for a direct message)
 * @param what  the event or command it handled
 * @param error the exception, as {@code toString()} gives it (class and message)
 * @param at    when
 */
public record PluginError(String room, String what, String error, Instant at) {
}
