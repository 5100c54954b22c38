package org.majordome.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import javax.sql.DataSource;

import org.majordome.api.schedule.CatchUp;
import org.majordome.api.schedule.Firing;
import org.majordome.api.schedule.PersistentJobHandler;
import org.majordome.api.schedule.PluginScheduler;
import org.majordome.api.schedule.ScheduledJob;
import org.majordome.api.schedule.ScheduledTask;
import org.majordome.api.schedule.SchedulingException;
import org.majordome.schedule.StoredJobs.StoredJob;
import org.majordome.store.Database;
import org.majordome.store.StorageService;
import org.majordome.text.Phrase;
import org.quartz.Job;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.spi.JobFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's scheduler: start it after the {@link Database} is open, hand each plugin
 * {@link #forPlugin(String)}, {@link #releasePlugin(String)} when a plugin stops, and {@link #close()} it
 * before closing the database. See the package documentation for why there are two Quartz schedulers;
 * {@link MemoryJobs} and {@link PersistentJobs} keep each kind, this class owns what spans both (one name
 * per job in a scope, looking jobs up, cancelling, the life cycle).
 */
public final class SchedulerService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SchedulerService.class);
    /** A run starting later than this after its due time is reported as {@link Firing#late()}. */
    private static final Duration LATE_AFTER = Duration.ofSeconds(1);
    /** How often an instance of a cluster looks for the room jobs other instances handed over to it. */
    private static final Duration HANDOFF_POLL = Duration.ofSeconds(1);

    private final MemoryJobs memoryJobs;
    private final PersistentJobs persistentJobs;
    /** Plugins an operator disabled: their jobs do not run (see {@link #pausePlugin}). */
    private final Set<String> paused = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private SchedulerService(DataSource dataSource, boolean postgreSql, SchedulerSettings settings, Clock clock,
                             RoomHolding holding, Duration handoffRecheck) throws SchedulerException {
        Scheduler memory = QuartzSchedulers.memory(settings);
        Scheduler persistent = QuartzSchedulers.persistent(dataSource, postgreSql, settings);
        this.memoryJobs = new MemoryJobs(memory, clock, new LastFireTable(dataSource), this::removeJob,
                paused::contains);
        RoomHandoff handoff = settings.clusterInstance().isPresent() && holding != RoomHolding.EVERY_ROOM
                ? new RoomHandoff(Optional.of(new HandoffTable(dataSource, settings.clusterInstance().get(),
                        UUID.randomUUID().toString())), holding, persistent, handoffRecheck, HANDOFF_POLL)
                : RoomHandoff.none(persistent);
        this.persistentJobs = new PersistentJobs(persistent, new StoredJobs(dataSource, settings.instanceName()),
                handoff, paused::contains);
        JobFactory jobFactory = (bundle, scheduler) -> newJobInstance(bundle.getJobDetail().getJobClass());
        memory.setJobFactory(jobFactory);
        persistent.setJobFactory(jobFactory);
    }

    /**
     * Starts both schedulers. Persistent jobs that came due while the bot was down run as soon as their
     * plugin registers its handler.
     *
     * @param clock the time our own decisions use (catch-ups); Quartz itself follows the system clock
     */
    public static SchedulerService start(Database database, SchedulerSettings settings, Clock clock) {
        return start(database.dataSource(), database.isPostgreSql(), settings, clock, RoomHolding.EVERY_ROOM,
                Duration.ZERO);
    }

    /**
     * Starts the scheduler of an instance of a cluster ({@link SchedulerSettings#clustered}), which carries out the
     * persistent jobs of the rooms it holds, wherever they fire ({@link RoomHandoff}).
     *
     * @param holding        the rooms this instance holds now
     * @param handoffRecheck how long after a firing that handed a job over it is checked again: the cluster's lease,
     *                       by when a dead holder's rooms and claims are another instance's
     */
    public static SchedulerService start(Database database, SchedulerSettings settings, Clock clock, RoomHolding holding,
                                         Duration handoffRecheck) {
        return start(database.dataSource(), database.isPostgreSql(), settings, clock, holding, handoffRecheck);
    }

    /** On the connections of {@code dataSource}, a migrated database: lets a test watch the queries. */
    static SchedulerService start(DataSource dataSource, boolean postgreSql, SchedulerSettings settings, Clock clock) {
        return start(dataSource, postgreSql, settings, clock, RoomHolding.EVERY_ROOM, Duration.ZERO);
    }

    private static SchedulerService start(DataSource dataSource, boolean postgreSql, SchedulerSettings settings,
                                          Clock clock, RoomHolding holding, Duration handoffRecheck) {
        SchedulerService service;
        try {
            service = new SchedulerService(dataSource, postgreSql, settings, clock, holding, handoffRecheck);
        } catch (SchedulerException e) {
            throw new SchedulingException("creating the scheduler " + settings.instanceName() + " failed", e);
        }
        try {
            service.memoryJobs.scheduler().start();
            service.persistentJobs.scheduler().start();
            service.persistentJobs.startHandoff();
        } catch (SchedulerException e) {
            service.close();
            throw new SchedulingException("starting the scheduler " + settings.instanceName() + " failed", e);
        }
        log.info("Scheduler {} started ({} and {} threads)", settings.instanceName(), settings.memoryThreads(),
                settings.persistentThreads());
        return service;
    }

    /** The scheduler for plugin {@code pluginId}'s plugin-wide jobs (and, through {@code room}, its rooms'). */
    public PluginScheduler forPlugin(String pluginId) {
        return new QuartzPluginScheduler(this, new Scope(StorageService.checkPluginId(pluginId), Optional.empty()));
    }

    /**
     * Pauses a plugin's jobs (an operator disabled the plugin, which stays started): an in-memory job that fires
     * meanwhile is skipped and logged; a persistent job that comes due waits, stored, and runs when the plugin is
     * enabled again ({@link #resumePlugin}) or, if it is still disabled then, stays stored for later.
     */
    public void pausePlugin(String pluginId) {
        if (paused.add(pluginId)) {
            log.info("Scheduler paused the jobs of plugin {}", pluginId);
        }
    }

    /** Ends {@link #pausePlugin}: the persistent jobs that came due meanwhile run now. */
    public void resumePlugin(String pluginId) {
        if (paused.remove(pluginId)) {
            log.info("Scheduler resumed the jobs of plugin {}", pluginId);
        }
        persistentJobs.resume(pluginId);
    }

    /**
     * Forgets a stopped plugin: its in-memory jobs are cancelled and its handlers dropped; its persistent
     * jobs stay stored and wait for the handlers of its next start.
     */
    public void releasePlugin(String pluginId) {
        memoryJobs.release(pluginId);
        persistentJobs.release(pluginId);
        log.info("Scheduler released plugin {}", pluginId);
    }

    /** Stops both schedulers, waiting for running jobs. Close the database only after this. */
    @Override
    public void close() {
        persistentJobs.handoff().close();
        try {
            memoryJobs.scheduler().shutdown(true);
        } catch (SchedulerException e) {
            log.warn("Stopping the in-memory scheduler failed", e);
        }
        try {
            persistentJobs.scheduler().shutdown(true);
        } catch (SchedulerException e) {
            log.warn("Stopping the persistent scheduler failed", e);
        }
        log.info("Scheduler stopped");
    }

    // ---- scheduling, called by QuartzPluginScheduler with checked arguments

    ScheduledJob scheduleCron(Scope scope, String name, String expression, ZoneId zone, CatchUp catchUp,
                              ScheduledTask task) {
        return memoryHandle(scope, name, memoryJobs.cron(scope, name, expression, zone, catchUp, task));
    }

    ScheduledJob scheduleEvery(Scope scope, String name, Duration interval, ScheduledTask task) {
        return memoryHandle(scope, name, memoryJobs.every(scope, name, interval, task));
    }

    ScheduledJob scheduleOnce(Scope scope, String name, Instant at, ScheduledTask task) {
        return memoryHandle(scope, name, memoryJobs.once(scope, name, at, task));
    }

    ScheduledJob schedulePersistent(Scope scope, String kind, String name, Instant at, String payload) {
        removeJob(scope, name);
        persistentJobs.schedule(scope, kind, name, at, payload);
        return persistentHandle(scope, new StoredJob(name, kind, at.toString()));
    }

    void registerHandler(String pluginId, String kind, PersistentJobHandler handler) {
        persistentJobs.registerHandler(pluginId, kind, handler);
    }

    Optional<ScheduledJob> job(Scope scope, String name) {
        Optional<Phrase> memorySchedule = memoryJobs.schedule(new JobKey(name, scope.group()));
        if (memorySchedule.isPresent()) {
            return Optional.of(memoryHandle(scope, name, memorySchedule.get()));
        }
        return persistentJobs.find(scope, name).map(found -> persistentHandle(scope, found));
    }

    /** Every job of the scope, by name: the in-memory ones from memory, the persistent ones in one query. */
    List<QuartzJobHandle> jobs(Scope scope) {
        List<QuartzJobHandle> jobs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JobKey key : memoryJobs.keysInGroup(scope.group())) {
            // Cancelled since the keys were taken: left out, as a job that is gone.
            memoryJobs.schedule(key).ifPresent(schedule -> {
                names.add(key.getName());
                jobs.add(memoryHandle(scope, key.getName(), schedule));
            });
        }
        for (StoredJob stored : persistentJobs.inGroup(scope.group())) {
            if (names.add(stored.name())) {
                jobs.add(persistentHandle(scope, stored));
            }
        }
        jobs.sort(Comparator.comparing(QuartzJobHandle::name));
        return List.copyOf(jobs);
    }

    /**
     * Every job of every plugin, in memory and stored, soonest first (jobs without a next run last): what the
     * operator console's schedule page shows. One query lists the stored jobs' groups, one per group their jobs.
     */
    public List<JobListing> listing() {
        Set<String> groups = new TreeSet<>(memoryJobs.groups());
        try {
            groups.addAll(persistentJobs.scheduler().getJobGroupNames());
        } catch (SchedulerException e) {
            throw new SchedulingException("listing the persistent jobs' groups failed", e);
        }
        List<JobListing> listing = new ArrayList<>();
        for (String group : groups) {
            Scope scope = Scope.ofGroup(group);
            for (QuartzJobHandle job : jobs(scope)) {
                listing.add(new JobListing(scope.pluginId(), scope.roomJid(), job.name(), job.persistent(),
                        job.how(), job.nextFireTime()));
            }
        }
        listing.sort(Comparator.comparing((JobListing job) -> job.nextRun().orElse(Instant.MAX)));
        return listing;
    }

    boolean cancel(Scope scope, String name) {
        boolean cancelled = removeJob(scope, name);
        memoryJobs.forgetLastRun(scope, name);
        if (cancelled) {
            log.info("Job '{}' of {} cancelled", name, scope);
        }
        return cancelled;
    }

    void cancelAll(Scope scope) {
        jobs(scope).forEach(ScheduledJob::cancel);
    }

    /** The Quartz scheduler of the persistent jobs, for tests that read what it stored. */
    Scheduler persistentScheduler() {
        return persistentJobs.scheduler();
    }

    // ---- shared by both kinds

    /** {@code instant} itself when it is a whole second, otherwise the whole second after it. */
    static Instant nextWholeSecond(Instant instant) {
        Instant truncated = instant.truncatedTo(ChronoUnit.SECONDS);
        return truncated.equals(instant) ? instant : truncated.plusSeconds(1);
    }

    static boolean isLate(Instant scheduledFor, Instant firedAt) {
        return Duration.between(scheduledFor, firedAt).compareTo(LATE_AFTER) > 0;
    }

    static boolean deleteQuietly(Scheduler scheduler, JobKey key) {
        try {
            return scheduler.deleteJob(key);
        } catch (SchedulerException e) {
            log.warn("Deleting job {} failed", key, e);
            return false;
        }
    }

    // ---- internals

    /** Removes a job of either kind, keeping its last run (a job scheduled again still catches up). */
    private boolean removeJob(Scope scope, String name) {
        boolean removed = memoryJobs.remove(new JobKey(name, scope.group()));
        return persistentJobs.remove(scope, name) | removed;
    }

    private QuartzJobHandle memoryHandle(Scope scope, String name, Phrase schedule) {
        return new QuartzJobHandle(this, scope, memoryJobs.scheduler(), new JobKey(name, scope.group()), false,
                schedule);
    }

    private QuartzJobHandle persistentHandle(Scope scope, StoredJob job) {
        return new QuartzJobHandle(this, scope, persistentJobs.scheduler(), new JobKey(job.name(), scope.group()),
                true, ScheduleText.stored(Instant.parse(job.dueAt()), job.kind()));
    }

    private Job newJobInstance(Class<? extends Job> jobClass) throws SchedulerException {
        if (jobClass == MemoryJob.class) {
            return new MemoryJob(memoryJobs);
        }
        if (jobClass == PersistentJob.class) {
            return new PersistentJob(persistentJobs);
        }
        throw new SchedulerException("not a Majordome job: " + jobClass.getName());
    }
}
