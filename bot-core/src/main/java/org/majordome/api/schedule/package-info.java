/**
 * Timed work for plugins: cron schedules, fixed intervals, one-off tasks, and persistent one-shot jobs
 * that survive a restart.
 *
 * <p>A plugin's {@link org.majordome.api.schedule.PluginScheduler} names its jobs; names are unique per
 * scope (the plugin, or the plugin in one room) and scheduling a name again replaces the job. In-memory
 * jobs ({@code cron}, {@code every}, {@code once}) run a lambda and vanish when the plugin stops; a plugin
 * schedules them again at start. A persistent job stores only a kind and a text payload: the plugin
 * registers a handler for the kind at start ({@code onPersistentJob}), and a job that came due while the
 * bot or the plugin was down runs once as soon as its handler is there.
 *
 * <p>{@link org.majordome.api.schedule.CronText} checks a cron expression the way {@code cron} will: a plugin's
 * configuration record calls it in its constructor, so that a bad schedule is reported with the file's other
 * problems ({@code check-config}, start and reload) rather than when the plugin starts.
 *
 * <p>Missed fire times are never replayed in a burst: interval jobs skip them, cron jobs skip them or run
 * once to catch up ({@link org.majordome.api.schedule.CatchUp}), persistent jobs run once, late.
 */
package org.majordome.api.schedule;
