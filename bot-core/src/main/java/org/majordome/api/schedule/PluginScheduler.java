package org.majordome.api.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Schedules a plugin's jobs in one scope: the plugin itself, or the plugin in one room ({@link #room}).
 * Job names are 1 to 150 characters and unique per scope; scheduling an existing name replaces that job.
 * Tasks run on the scheduler's threads; a task that throws is logged and its later fire times still come.
 */
public interface PluginScheduler {

    /** The same plugin's scheduler for room {@code roomJid} (a bare room JID, compared in lower case). */
    PluginScheduler room(String roomJid);

    /** The room of this scope, or empty for the plugin-wide one. */
    Optional<String> roomJid();

    /**
     * Runs {@code task} at the times of a Quartz cron expression (with seconds, e.g. {@code "0 0 9 ? * MON-FRI"})
     * in {@code zone}.
     *
     * @param catchUp what to do with fire times missed while the bot was down or too busy
     * @throws IllegalArgumentException if the expression is invalid
     */
    ScheduledJob cron(String jobName, String cronExpression, ZoneId zone, CatchUp catchUp, ScheduledTask task);

    /** {@link #cron(String, String, ZoneId, CatchUp, ScheduledTask)} skipping missed fire times. */
    default ScheduledJob cron(String jobName, String cronExpression, ZoneId zone, ScheduledTask task) {
        return cron(jobName, cronExpression, zone, CatchUp.NONE, task);
    }

    /** Runs {@code task} every {@code interval}, first one interval from now; missed runs are skipped. */
    ScheduledJob every(String jobName, Duration interval, ScheduledTask task);

    /** Runs {@code task} once at {@code at} (at once if that has passed), unless the plugin stops before. */
    ScheduledJob once(String jobName, Instant at, ScheduledTask task);

    /**
     * Stores a job that runs the handler of {@code kind} with {@code payload} at {@code at}, even if the
     * bot restarts in between; if it came due while the bot was down it runs once, as soon as the plugin
     * has registered the handler. It runs at most once after its handler was called (a handler that throws
     * is not retried) and at least once unless the bot dies while the handler runs.
     *
     * @param kind    names the handler ({@link #onPersistentJob}); 1 to 100 characters
     * @param payload what the handler gets (JSON if the plugin likes); at most 100,000 characters
     */
    ScheduledJob schedulePersistent(String kind, String jobName, Instant at, String payload);

    /**
     * Registers the handler of persistent jobs of {@code kind}, for this plugin in every scope (a handler
     * registered on a room's scheduler also handles the plugin's jobs in other rooms). Jobs of that kind
     * that came due before are run now. Registering a kind again replaces its handler.
     */
    void onPersistentJob(String kind, PersistentJobHandler handler);

    /** The job of that name in this scope, if scheduled. */
    Optional<ScheduledJob> job(String jobName);

    /** The jobs of this scope (in-memory and persistent), by name. */
    List<ScheduledJob> jobs();

    /** Cancels the job of that name in this scope (persistent ones are deleted); returns whether there was one. */
    boolean cancel(String jobName);

    /** Cancels every job of this scope, persistent ones included. */
    void cancelAll();
}
