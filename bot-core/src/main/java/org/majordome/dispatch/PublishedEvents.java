package org.majordome.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

import org.majordome.api.event.BotEvent;
import org.majordome.api.event.RoomEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the events plugins publish ({@link org.majordome.api.PluginContext#publish}) go: the dispatcher, which
 * hands them to the room's plugins like the events read from stanzas. Connected once the dispatcher exists, after
 * the plugins have started (the dispatcher needs the started plugins): an event published before is dropped and
 * said in the log, rate limited so that a plugin publishing in a loop cannot flood it.
 */
public final class PublishedEvents {

    private static final Logger LOG = LoggerFactory.getLogger(PublishedEvents.class);

    private final RateLimitedLog droppedLog;
    private volatile Predicate<BotEvent> target;

    public PublishedEvents(Clock clock) {
        this.droppedLog = new RateLimitedLog(LOG, clock, Duration.ofSeconds(10));
    }

    /** From now on, published events go to {@code dispatcher} (its {@code offer}). */
    public void connect(Predicate<BotEvent> dispatcher) {
        this.target = Objects.requireNonNull(dispatcher, "dispatcher");
    }

    /** Hands {@code event}, published by plugin {@code pluginId}, to the dispatcher. */
    void publish(String pluginId, RoomEvent event) {
        Objects.requireNonNull(event, "event");
        Predicate<BotEvent> to = target;
        if (to == null) {
            droppedLog.warn("Plugin {}: event {} of room {} dropped: published before the dispatcher started",
                    pluginId, event.getClass().getSimpleName(), event.roomJid());
            return;
        }
        to.test(event);
    }
}
