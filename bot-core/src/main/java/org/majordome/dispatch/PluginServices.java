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
 * @param texts      every plugin's bundles, and the runtime's
 */
public record PluginServices(Rooms rooms, DirectChat directChat, Clock clock, PluginResources resources,
                             PluginTexts texts) {
    public PluginServices {
        Objects.requireNonNull(texts, "texts");
        Objects.requireNonNull(rooms, "rooms");
        Objects.requireNonNull(directChat, "directChat");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(resources, "resources");
    }
}
