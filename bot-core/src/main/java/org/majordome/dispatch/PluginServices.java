package org.majordome.dispatch;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;

import org.majordome.api.event.BotEvent;

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
 * @param events     where events a plugin raises go (the dispatcher, once it runs: see {@link EventRelay})
 */
public record PluginServices(Rooms rooms, DirectChat directChat, Clock clock, PluginResources resources,
                             Consumer<BotEvent> events) {
    public PluginServices {
        Objects.requireNonNull(rooms, "rooms");
        Objects.requireNonNull(directChat, "directChat");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(events, "events");
    }

    /** Services whose plugins raise no event anyone hears (the events are dropped). */
    public PluginServices(Rooms rooms, DirectChat directChat, Clock clock, PluginResources resources) {
        this(rooms, directChat, clock, resources, event -> { });
    }
}
