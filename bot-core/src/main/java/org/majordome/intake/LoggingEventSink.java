package org.majordome.intake;

import org.majordome.api.event.BotEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes each event to the {@code majordome.events} log at debug level, body text trimmed. */
public final class LoggingEventSink implements EventSink {

    private static final Logger log = LoggerFactory.getLogger("majordome.events");
    private static final int MAX_LOGGED_LENGTH = 300;

    @Override
    public void accept(BotEvent event) {
        if (log.isDebugEnabled()) {
            String text = event.toString();
            log.debug("{}", text.length() > MAX_LOGGED_LENGTH ? text.substring(0, MAX_LOGGED_LENGTH) + "…" : text);
        }
    }
}
