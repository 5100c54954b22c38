package org.majordome.app;

import java.util.List;

import org.majordome.config.BotConfig;
import org.majordome.intake.EventSink;
import org.majordome.room.RoomKeeper;
import org.majordome.xmpp.XmppSession;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/** A started bot. {@link #close()} leaves every room with a goodbye and disconnects. */
public final class RunningBot implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private RunningBot(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * Starts a bot with an already validated configuration and returns once it is connecting; rooms are
     * joined in the background.
     *
     * @param extraSinks receive every event besides the runtime's own consumers (tests, embedding)
     */
    public static RunningBot start(BotConfig config, List<EventSink> extraSinks) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.registerBean(BotConfig.class, () -> config);
        context.registerBean(RuntimeConfiguration.ExtraEventSinks.class,
                () -> new RuntimeConfiguration.ExtraEventSinks(extraSinks));
        context.register(RuntimeConfiguration.class);
        context.refresh();
        return new RunningBot(context);
    }

    public BotConfig config() {
        return context.getBean(BotConfig.class);
    }

    public RoomKeeper rooms() {
        return context.getBean(RoomKeeper.class);
    }

    public XmppSession session() {
        return context.getBean(XmppSession.class);
    }

    public boolean isRunning() {
        return context.isActive();
    }

    @Override
    public void close() {
        if (context.isActive()) {
            context.close();
        }
    }
}
