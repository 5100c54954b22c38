package org.majordome.app;

import java.time.Duration;
import java.util.Optional;

import org.majordome.cluster.ClusterMember;

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
    private final Optional<ClusterMember> cluster;
    private volatile boolean running;

    /** @param cluster this instance's part in a cluster, started first: it decides which rooms are joined */
    BotLifecycle(XmppSession session, RoomKeeper roomKeeper, String leaveStatus, Optional<ClusterMember> cluster) {
        this.session = session;
        this.roomKeeper = roomKeeper;
        this.leaveStatus = leaveStatus;
        this.cluster = cluster;
    }

    @Override
    public void start() {
        cluster.ifPresent(ClusterMember::start);
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
        // Before leaving: a renewal must not join a room again meanwhile. The leases go once the rooms are left.
        cluster.ifPresent(ClusterMember::stopRenewing);
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
