package org.majordome.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/**
 * How the bot runs, apart from the server it talks to.
 *
 * @param reconcileInterval  how often every room's configuration is compared with the desired one
 *                           (also done on every (re)join)
 * @param selfPingAfterIdle  a room silent for this long is checked with a XEP-0410 self-ping
 * @param rejoinBackoffMax   the longest wait between two attempts to rejoin a room or reconnect
 * @param dataDirectory      where the bot keeps its database and state
 * @param timeZone           the zone of times shown to people (each room's {@code timeZone()}, the ad-hoc status)
 * @param database           an external database; empty for the embedded one in {@code dataDirectory}
 */
public record RuntimeSettings(Duration reconcileInterval, Duration selfPingAfterIdle, Duration rejoinBackoffMax,
                              Path dataDirectory, ZoneId timeZone, Optional<DatabaseConnection> database) {

    /** Settings with the embedded database. */
    public RuntimeSettings(Duration reconcileInterval, Duration selfPingAfterIdle, Duration rejoinBackoffMax,
                           Path dataDirectory, ZoneId timeZone) {
        this(reconcileInterval, selfPingAfterIdle, rejoinBackoffMax, dataDirectory, timeZone, Optional.empty());
    }
}
