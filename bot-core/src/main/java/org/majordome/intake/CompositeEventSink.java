package org.majordome.intake;

import java.util.List;

import org.majordome.api.event.BotEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands each event to several sinks; one failing sink does not keep the event from the others. */
public final class CompositeEventSink implements EventSink {

    private static final Logger log = LoggerFactory.getLogger(CompositeEventSink.class);

    private final List<EventSink> sinks;

    public CompositeEventSink(List<EventSink> sinks) {
        this.sinks = List.copyOf(sinks);
    }

    @Override
    public void accept(BotEvent event) {
        for (EventSink sink : sinks) {
            try {
                sink.accept(event);
            } catch (RuntimeException e) {
                log.error("Event sink {} failed on {}", sink.getClass().getSimpleName(),
                        event.getClass().getSimpleName(), e);
            }
        }
    }
}
