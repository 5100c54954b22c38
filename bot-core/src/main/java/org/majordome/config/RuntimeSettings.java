package org.majordome.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

/**
 * How the bot runs, apart from the server it talks to.
 *
 * @param reconcileInterval  how often every room's configuration is compared with the desired one
 *                           (also done on every (re)join)
 * @param selfPingAfterIdle  a room silent for this long is checked with a XEP-0410 self-ping
 * @param rejoinBackoffMax   the longest wait between two attempts to rejoin a room or reconnect
 * @param dataDirectory      where the bot keeps its database and state
 * @param timeZone           the default time zone for schedules
 */
public record RuntimeSettings(Duration reconcileInterval, Duration selfPingAfterIdle, Duration rejoinBackoffMax,
                              Path dataDirectory, ZoneId timeZone) { }
