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
 * @param events     where the events plugins publish go (connected to the dispatcher once it exists)
 */
public record PluginServices(Rooms rooms, DirectChat directChat, Clock clock, PluginResources resources,
                             PublishedEvents events) {
    public PluginServices {
        Objects.requireNonNull(rooms, "rooms");
        Objects.requireNonNull(directChat, "directChat");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(events, "events");
    }

    /** Services whose published events go nowhere until {@code events().connect(...)} is called. */
    public PluginServices(Rooms rooms, DirectChat directChat, Clock clock, PluginResources resources) {
        this(rooms, directChat, clock, resources, new PublishedEvents(clock));
    }
}
