package org.majordome.dispatch;

import java.time.Clock;
import java.util.Objects;

import org.majordome.api.room.DirectChat;
import org.majordome.api.room.Rooms;

/**
 * The runtime services every plugin context hands out. Per-plugin services (storage, scheduler) join here
 * as factories keyed by plugin id, with matching accessors on {@link org.majordome.api.PluginContext}.
 *
 * @param rooms      the room handles
 * @param directChat one-to-one messages
 * @param clock      the bot's clock
 */
public record PluginServices(Rooms rooms, DirectChat directChat, Clock clock) {
    public PluginServices {
        Objects.requireNonNull(rooms, "rooms");
        Objects.requireNonNull(directChat, "directChat");
        Objects.requireNonNull(clock, "clock");
    }
}
