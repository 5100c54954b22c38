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
 * @param leaveStatus        the status text of the bot's unavailable presence in every room (XEP-0045 §7.14)
 *                           and to its server when it stops
 * @param language           the language the bot speaks where a room names none, and to users whose messages
 *                           declare none ({@code runtime.language}, English by default)
 */
public record RuntimeSettings(Duration reconcileInterval, Duration selfPingAfterIdle, Duration rejoinBackoffMax,
                              Path dataDirectory, ZoneId timeZone, Optional<DatabaseConnection> database,
                              String leaveStatus, java.util.Locale language) {

    public RuntimeSettings {
        java.util.Objects.requireNonNull(language, "language");
    }

    /** Settings in English. */
    public RuntimeSettings(Duration reconcileInterval, Duration selfPingAfterIdle, Duration rejoinBackoffMax,
                           Path dataDirectory, ZoneId timeZone, Optional<DatabaseConnection> database,
                           String leaveStatus) {
        this(reconcileInterval, selfPingAfterIdle, rejoinBackoffMax, dataDirectory, timeZone, database, leaveStatus,
                java.util.Locale.ENGLISH);
    }

    /** What occupants read when the bot stops, unless {@code runtime.leave-status} says otherwise. */
    public static final String DEFAULT_LEAVE_STATUS = "Majordome is shutting down";

    /** Settings with the default leave status. */
    public RuntimeSettings(Duration reconcileInterval, Duration selfPingAfterIdle, Duration rejoinBackoffMax,
                           Path dataDirectory, ZoneId timeZone, Optional<DatabaseConnection> database) {
        this(reconcileInterval, selfPingAfterIdle, rejoinBackoffMax, dataDirectory, timeZone, database,
                DEFAULT_LEAVE_STATUS);
    }

    /** Settings with the embedded database. */
    public RuntimeSettings(Duration reconcileInterval, Duration selfPingAfterIdle, Duration rejoinBackoffMax,
                           Path dataDirectory, ZoneId timeZone) {
        this(reconcileInterval, selfPingAfterIdle, rejoinBackoffMax, dataDirectory, timeZone, Optional.empty());
    }
}
