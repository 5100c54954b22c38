package org.majordome.dispatch;

import java.time.Clock;
import java.util.Objects;

import org.majordome.api.room.DirectChat;
import org.majordome.api.room.Rooms;

/**
 * The runtime services every plugin context hands out; per-plugin ones (storage, scheduler) come from
 * {@link PluginResources} by plugin id.
 *
 * @param rooms      the room handles
 * @param directChat one-to-one messages
 * @param clock      the bot's clock
 * @param resources  per-plugin storage and scheduling
 */
public record PluginServices(Rooms rooms, DirectChat directChat, Clock clock, PluginResources resources) {
    public PluginServices {
        Objects.requireNonNull(rooms, "rooms");
        Objects.requireNonNull(directChat, "directChat");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(resources, "resources");
    }
}
