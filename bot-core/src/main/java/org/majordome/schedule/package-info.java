/**
 * Quartz wiring behind {@link org.majordome.api.schedule} (internal).
 *
 * <p>Two Quartz schedulers, because the two kinds of jobs differ in what can be stored:
 * <ul>
 *   <li>in-memory jobs (cron, interval, once) run a plugin's lambda, which no database can hold; they live
 *       in a {@code RAMJobStore} scheduler and are scheduled again by the plugin at every start. Storing
 *       them in JDBC instead would leave rows whose lambda no longer exists (a renamed or removed job would
 *       fire into nothing forever) and would need a "startup complete" handshake to clean them up. The one
 *       thing such a job needs to remember across a restart, the last run of a cron job that wants a
 *       catch-up, is one row in {@code schedule_last_fire}.</li>
 *   <li>persistent one-shot jobs carry only text (kind, payload); they live in a {@code JobStoreTX}
 *       scheduler on the bot's database (tables {@code QRTZ_*}, created by a Flyway migration), whose
 *       connections come from our {@code DataSource}.</li>
 * </ul>
 * Who does what:
 * <ul>
 *   <li>{@link org.majordome.schedule.SchedulerService}: the life cycle (start, release a plugin, close) and
 *       what spans both kinds: one job per name in a scope, looking jobs up, listing and cancelling them, and the
 *       listing of every plugin's jobs for the operator console ({@link org.majordome.schedule.JobListing});</li>
 *   <li>{@code MemoryJobs}: the in-memory jobs' tasks, triggers, cron catch-up ({@code LastFireTable}) and
 *       runs;</li>
 *   <li>{@code PersistentJobs}: storing persistent jobs, the plugins' handlers by kind, jobs parked until
 *       their handler registers or their disabled plugin is enabled again ({@code SchedulerService#pausePlugin};
 *       in-memory runs of a disabled plugin are skipped), and runs; {@code StoredJobs} lists a scope's stored jobs in one query;</li>
 *   <li>{@code QuartzSchedulers}: the Quartz properties of both schedulers;
 *       {@code QuartzPluginScheduler}, {@code QuartzJobHandle}: the API types a plugin holds.</li>
 * </ul>
 * Quartz jobs are thin: {@link org.majordome.schedule.MemoryJob} and
 * {@link org.majordome.schedule.PersistentJob} carry only ids and are created by a job factory that hands
 * them {@code MemoryJobs} or {@code PersistentJobs}, which run the plugin's code with exception isolation.
 * Every trigger states its misfire policy.
 *
 * <p>In a cluster ({@link org.majordome.schedule.SchedulerSettings#clustered}) the persistent scheduler shares its
 * job store with the other instances (Quartz's clustered JDBC store: each trigger fires once in the cluster, a job in
 * flight on an instance that dies is recovered, {@code requestRecovery}). A room's job is carried out by the
 * instance holding the room ({@link org.majordome.schedule.RoomHolding}): {@code RoomHandoff} hands a job fired
 * elsewhere over to the holder through {@code cluster_handoff} ({@code HandoffTable}), where the holder claims it
 * (compare-and-set) and runs it; every firing that does not run a job leaves a trigger to check it again, so that a
 * job is neither lost (a holder dying meanwhile) nor run twice (one claim). A room's job runs with its storage writes
 * fenced by the room's lease ({@link org.majordome.store.LeaseFence}): an instance paused mid-job whose room was taken
 * over meanwhile writes nothing when it resumes, and leaves the job (stored, handed over) to the new holder.
 */
package org.majordome.schedule;
