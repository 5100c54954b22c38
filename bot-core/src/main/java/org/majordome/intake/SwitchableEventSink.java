package org.majordome.intake;

import java.util.Objects;

import org.majordome.api.event.BotEvent;

/**
 * An event sink whose consumer is set after construction. The room keeper needs a sink when it is
 * built, and the consumers (plugins) need the room keeper: this breaks that cycle. Events arriving
 * before the consumer is set are dropped; the bot connects only after wiring is complete.
 */
public final class SwitchableEventSink implements EventSink {

    private volatile EventSink target = event -> { };

    public void switchTo(EventSink consumer) {
        this.target = Objects.requireNonNull(consumer, "consumer");
    }

    @Override
    public void accept(BotEvent event) {
        target.accept(event);
    }
}
