package org.majordome.intake;

import org.majordome.api.event.BotEvent;

/**
 * Receives every event the bot produces, in arrival order per room. Called on the XMPP reader thread:
 * an implementation must not block (queue the event and return).
 */
@FunctionalInterface
public interface EventSink {

    void accept(BotEvent event);
}
