package org.majordome.app;

import java.time.Duration;

import org.majordome.room.RoomKeeper;
import org.majordome.xmpp.XmppSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Connects when the context starts; leaves every room with the configured status text
 * ({@code runtime.leave-status}, which occupants see in the unavailable presence, XEP-0045 §7.14) and disconnects
 * with it when it stops.
 */
final class BotLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BotLifecycle.class);
    private static final Duration LEAVE_TIMEOUT = Duration.ofSeconds(5);

    private final XmppSession session;
    private final RoomKeeper roomKeeper;
    private final String leaveStatus;
    private volatile boolean running;

    BotLifecycle(XmppSession session, RoomKeeper roomKeeper, String leaveStatus) {
        this.session = session;
        this.roomKeeper = roomKeeper;
        this.leaveStatus = leaveStatus;
    }

    @Override
    public void start() {
        roomKeeper.start();
        session.start();
        running = true;
    }

    @Override
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        log.info("Stopping: leaving every room");
        roomKeeper.leaveAll(leaveStatus, LEAVE_TIMEOUT);
        session.close(leaveStatus);
        roomKeeper.close();
        log.info("Stopped");
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
