package org.majordome.app;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.majordome.config.BotConfig;
import org.majordome.intake.CompositeEventSink;
import org.majordome.intake.EventSink;
import org.majordome.intake.LoggingEventSink;
import org.majordome.room.RoomKeeper;
import org.majordome.xmpp.XmppSession;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The runtime's beans. The validated {@link BotConfig} and any extra event sinks are registered by {@link Majordome}. */
@Configuration(proxyBeanMethods = false)
class RuntimeConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    XmppSession xmppSession(BotConfig config) {
        return new XmppSession(config.connection(), config.runtime().rejoinBackoffMax());
    }

    @Bean
    EventSink eventSink(ExtraEventSinks extraSinks) {
        List<EventSink> sinks = new ArrayList<>();
        sinks.add(new LoggingEventSink());
        sinks.addAll(extraSinks.sinks());
        return new CompositeEventSink(sinks);
    }

    @Bean
    RoomKeeper roomKeeper(XmppSession session, BotConfig config, EventSink eventSink, Clock clock) {
        return new RoomKeeper(session, config.rooms(), config.runtime(), eventSink, clock);
    }

    @Bean
    BotLifecycle botLifecycle(XmppSession session, RoomKeeper roomKeeper) {
        return new BotLifecycle(session, roomKeeper);
    }

    /** Sinks added by whoever starts the bot (tests, embedding applications). */
    record ExtraEventSinks(List<EventSink> sinks) { }
}
