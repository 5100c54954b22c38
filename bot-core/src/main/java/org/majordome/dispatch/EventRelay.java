package org.majordome.dispatch;

import java.util.function.Consumer;

import org.majordome.api.event.BotEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where plugins' own events go ({@code PluginContext.emit}): plugins start before their dispatcher exists, so
 * the relay is handed to them first and connected to the dispatcher once it runs; until then events are dropped
 * (a plugin raising one from {@code start} is told so in the log).
 */
public final class EventRelay implements Consumer<BotEvent> {

    private static final Logger log = LoggerFactory.getLogger(EventRelay.class);

    private volatile Consumer<BotEvent> target;

    /** From now on, events go to {@code dispatcher}. */
    public void connect(Consumer<BotEvent> dispatcher) {
        target = dispatcher;
    }

    @Override
    public void accept(BotEvent event) {
        Consumer<BotEvent> current = target;
        if (current == null) {
            log.warn("A plugin raised {} before events flow; it is dropped", event.getClass().getSimpleName());
            return;
        }
        current.accept(event);
    }
}
