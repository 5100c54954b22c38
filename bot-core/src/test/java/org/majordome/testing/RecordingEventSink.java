package org.majordome.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.majordome.api.event.BotEvent;
import org.majordome.api.event.RoomEvent;
import org.majordome.intake.EventSink;

/** Keeps every event the bot emits, for assertions. Thread-safe. */
public final class RecordingEventSink implements EventSink {

    private final List<BotEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void accept(BotEvent event) {
        events.add(event);
    }

    public List<BotEvent> all() {
        return List.copyOf(events);
    }

    public <E extends BotEvent> List<E> ofType(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public <E extends RoomEvent> List<E> inRoom(String roomJid, Class<E> type) {
        return ofType(type).stream().filter(event -> event.roomJid().equals(roomJid)).toList();
    }

    public <E extends BotEvent> boolean any(Class<E> type, Predicate<? super E> condition) {
        return ofType(type).stream().anyMatch(condition);
    }

    public void clear() {
        events.clear();
    }
}
