package org.majordome.schedule;

import static org.quartz.JobBuilder.newJob;
import static org.quartz.TriggerBuilder.newTrigger;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.majordome.api.schedule.CatchUp;
import org.majordome.api.schedule.Firing;
import org.majordome.api.schedule.PersistentJobHandler;
import org.majordome.api.schedule.PluginScheduler;
import org.majordome.api.schedule.ScheduledJob;
import org.majordome.api.schedule.ScheduledTask;
import org.majordome.api.schedule.SchedulingException;
import org.majordome.store.Database;
import org.majordome.store.StorageService;
import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.jdbcjobstore.JobStoreTX;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.impl.jdbcjobstore.StdJDBCDelegate;
import org.quartz.impl.matchers.GroupMatcher;
import org.quartz.simpl.RAMJobStore;
import org.quartz.simpl.SimpleThreadPool;
import org.quartz.spi.JobFactory;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's scheduler: start it after the {@link Database} is open, hand each plugin
 * {@link #forPlugin(String)}, {@link #releasePlugin(String)} when a plugin stops, and {@link #close()} it
 * before closing the database. See the package documentation for why there are two Quartz schedulers.
 */
public final class SchedulerService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SchedulerService.class);
    /** A run starting later than this after its due time is reported as {@link Firing#late()}. */
    private static final Duration LATE_AFTER = Duration.ofSeconds(1);
    /** Names the trigger of a persistent job that had waited for its handler. */
    private static final String RESUMED = "#resumed-";
    /** In the data map of a run triggered to catch up with a missed cron fire time. */
    private static final String CATCH_UP = "catchUp";

    private final Scheduler memory;
    private final Scheduler persistent;
    private final Clock clock;
    private final LastFireTable lastFires;
    private final Map<JobKey, MemoryTask> memoryTasks = new ConcurrentHashMap<>();
    private final Object handlersLock = new Object();
    /** Guarded by {@link #handlersLock}. */
    private final Map<HandlerKey, PersistentJobHandler> handlers = new HashMap<>();
    /** Persistent jobs that came due while their handler was missing; guarded by {@link #handlersLock}. */
    private final Map<JobKey, HandlerKey> parked = new HashMap<>();

    private record MemoryTask(Scope scope, ScheduledTask task, CatchUp catchUp, String schedule) { }

    private record HandlerKey(String pluginId, String kind) { }

    private SchedulerService(Database database, SchedulerSettings settings, Clock clock) throws SchedulerException {
        this.clock = clock;
        this.lastFires = new LastFireTable(database.dataSource());
        JobFactory jobFactory = (bundle, scheduler) -> newJobInstance(bundle.getJobDetail().getJobClass());
        this.memory = createMemoryScheduler(settings);
        this.persistent = createPersistentScheduler(database, settings);
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
        SchedulerService service;
        try {
            service = new SchedulerService(database, settings, clock);
        } catch (SchedulerException e) {
            throw new SchedulingException("creating the scheduler " + settings.instanceName() + " failed", e);
        }
        try {
            service.memory.start();
            service.persistent.start();
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
     * Forgets a stopped plugin: its in-memory jobs are cancelled and its handlers dropped; its persistent
     * jobs stay stored and wait for the handlers of its next start.
     */
    public void releasePlugin(String pluginId) {
        for (JobKey key : List.copyOf(memoryTasks.keySet())) {
            if (Scope.belongsToPlugin(key.getGroup(), pluginId)) {
                memoryTasks.remove(key);
                unscheduleQuietly(memory, key);
            }
        }
        synchronized (handlersLock) {
            handlers.keySet().removeIf(handler -> handler.pluginId().equals(pluginId));
            parked.values().removeIf(handler -> handler.pluginId().equals(pluginId));
        }
        log.info("Scheduler released plugin {}", pluginId);
    }

    /** Stops both schedulers, waiting for running jobs. Close the database only after this. */
    @Override
    public void close() {
        try {
            memory.shutdown(true);
        } catch (SchedulerException e) {
            log.warn("Stopping the in-memory scheduler failed", e);
        }
        try {
            persistent.shutdown(true);
        } catch (SchedulerException e) {
            log.warn("Stopping the persistent scheduler failed", e);
        }
        log.info("Scheduler stopped");
    }

    // ---- scheduling, called by QuartzPluginScheduler with checked arguments

    ScheduledJob scheduleCron(Scope scope, String name, String expression, ZoneId zone, CatchUp catchUp,
                              ScheduledTask task) {
        CronExpression cron = parseCron(scope, name, expression, zone);
        CronScheduleBuilder schedule = CronScheduleBuilder.cronSchedule(cron);
        schedule = catchUp == CatchUp.ONCE
                ? schedule.withMisfireHandlingInstructionFireAndProceed()
                : schedule.withMisfireHandlingInstructionDoNothing();
        String description = "cron " + expression + " " + zone.getId() + (catchUp == CatchUp.ONCE ? ", catch up once" : "");
        // Quartz drops the milliseconds of a cron trigger's start and fires the first matching time from one
        // second before it: started at 12:00:00.700, an every-second job would run the slot of 12:00:00 at
        // once, late. After a quick restart that slot may have run already in the previous process. Starting
        // at the next whole second makes the first run the first fire time from now, as CatchUp promises.
        Trigger trigger = newTrigger().withIdentity(name, scope.group())
                .startAt(Date.from(nextWholeSecond(clock.instant())))
                .withSchedule(schedule).build();
        // Decided before the trigger exists: its first run would record itself as the last one.
        Optional<Instant> missedRun = catchUp == CatchUp.ONCE ? missedSinceLastRun(scope, name, cron) : Optional.empty();
        if (catchUp == CatchUp.NONE) {
            lastFires.forget(scope.group(), name);
        }
        QuartzJobHandle handle = scheduleMemory(scope, name, trigger, catchUp, description, task);
        if (missedRun.isPresent()) {
            log.info("Job '{}' of {} missed its run of {}; catching up once", name, scope, missedRun.get());
            try {
                memory.triggerJob(new JobKey(name, scope.group()), new JobDataMap(Map.of(CATCH_UP, true)));
            } catch (SchedulerException e) {
                throw new SchedulingException("catching up job '" + name + "' of " + scope + " failed", e);
            }
        }
        return handle;
    }

    ScheduledJob scheduleEvery(Scope scope, String name, Duration interval, ScheduledTask task) {
        Trigger trigger = newTrigger().withIdentity(name, scope.group())
                .startAt(Date.from(clock.instant().plus(interval)))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(interval.toMillis())
                        .repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
        return scheduleMemory(scope, name, trigger, CatchUp.NONE, "every " + interval, task);
    }

    ScheduledJob scheduleOnce(Scope scope, String name, Instant at, ScheduledTask task) {
        Trigger trigger = newTrigger().withIdentity(name, scope.group())
                .startAt(Date.from(at))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        return scheduleMemory(scope, name, trigger, CatchUp.NONE, "once at " + at, task);
    }

    ScheduledJob schedulePersistent(Scope scope, String kind, String name, Instant at, String payload) {
        JobKey key = new JobKey(name, scope.group());
        removeJob(scope, name);
        JobDetail job = newJob(PersistentJob.class).withIdentity(key)
                .storeDurably()          // kept until its handler ran, even while it has no trigger
                .requestRecovery()       // run again if the bot died during the handler
                .usingJobData(PersistentJob.PLUGIN_ID, scope.pluginId())
                .usingJobData(PersistentJob.ROOM_JID, scope.roomJid().orElse(""))
                .usingJobData(PersistentJob.KIND, kind)
                .usingJobData(PersistentJob.PAYLOAD, payload)
                .usingJobData(PersistentJob.DUE_AT, at.toString())
                .usingJobData(PersistentJob.TOKEN, UUID.randomUUID().toString())
                .build();
        Trigger trigger = newTrigger().withIdentity(name, scope.group()).forJob(key)
                .startAt(Date.from(at))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        try {
            persistent.scheduleJob(job, Set.of(trigger), true);
        } catch (SchedulerException e) {
            throw new SchedulingException("storing persistent job '" + name + "' of " + scope + " failed", e);
        }
        log.info("Persistent job '{}' ({}) of {} due at {}", name, kind, scope, at);
        return persistentHandle(scope, key, kind, at.toString());
    }

    void registerHandler(String pluginId, String kind, PersistentJobHandler handler) {
        HandlerKey handlerKey = new HandlerKey(pluginId, kind);
        Set<JobKey> waiting = new LinkedHashSet<>();
        synchronized (handlersLock) {
            handlers.put(handlerKey, handler);
            parked.entrySet().removeIf(entry -> entry.getValue().equals(handlerKey) && waiting.add(entry.getKey()));
        }
        // Jobs parked by an earlier run of the bot: stored without a trigger.
        try {
            for (String group : persistent.getJobGroupNames()) {
                if (!Scope.belongsToPlugin(group, pluginId)) {
                    continue;
                }
                for (JobKey key : persistent.getJobKeys(GroupMatcher.jobGroupEquals(group))) {
                    JobDetail detail = persistent.getJobDetail(key);
                    if (detail != null && kind.equals(detail.getJobDataMap().getString(PersistentJob.KIND))
                            && persistent.getTriggersOfJob(key).isEmpty()) {
                        waiting.add(key);
                    }
                }
            }
            for (JobKey key : waiting) {
                persistent.scheduleJob(newTrigger()
                        .withIdentity(key.getName() + RESUMED + UUID.randomUUID(), key.getGroup())
                        .forJob(key)
                        .startNow()
                        .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                        .build());
                log.info("Persistent job {} had waited for its handler; running it now", key);
            }
        } catch (SchedulerException e) {
            throw new SchedulingException("resuming the waiting '" + kind + "' jobs of plugin " + pluginId
                    + " failed", e);
        }
    }

    Optional<ScheduledJob> job(Scope scope, String name) {
        JobKey key = new JobKey(name, scope.group());
        MemoryTask task = memoryTasks.get(key);
        if (task != null) {
            return Optional.of(new QuartzJobHandle(this, scope, memory, key, false, task.schedule()));
        }
        try {
            JobDetail detail = persistent.getJobDetail(key);
            return Optional.ofNullable(detail).map(found -> persistentHandle(scope, key,
                    found.getJobDataMap().getString(PersistentJob.KIND),
                    found.getJobDataMap().getString(PersistentJob.DUE_AT)));
        } catch (SchedulerException e) {
            throw new SchedulingException("reading job '" + name + "' of " + scope + " failed", e);
        }
    }

    List<ScheduledJob> jobs(Scope scope) {
        Set<String> names = new LinkedHashSet<>();
        memoryTasks.keySet().stream().filter(key -> key.getGroup().equals(scope.group()))
                .forEach(key -> names.add(key.getName()));
        try {
            persistent.getJobKeys(GroupMatcher.jobGroupEquals(scope.group())).forEach(key -> names.add(key.getName()));
        } catch (SchedulerException e) {
            throw new SchedulingException("listing the jobs of " + scope + " failed", e);
        }
        List<ScheduledJob> jobs = new ArrayList<>();
        for (String name : names) {
            job(scope, name).ifPresent(jobs::add);
        }
        jobs.sort(Comparator.comparing(ScheduledJob::name));
        return List.copyOf(jobs);
    }

    boolean cancel(Scope scope, String name) {
        boolean cancelled = removeJob(scope, name);
        lastFires.forget(scope.group(), name);
        if (cancelled) {
            log.info("Job '{}' of {} cancelled", name, scope);
        }
        return cancelled;
    }

    void cancelAll(Scope scope) {
        jobs(scope).forEach(ScheduledJob::cancel);
    }

    // ---- running, called by the thin Quartz jobs

    void runMemoryTask(JobExecutionContext context) {
        JobKey key = context.getJobDetail().getKey();
        MemoryTask task = memoryTasks.get(key);
        if (task == null) {
            return;   // cancelled while this run was starting
        }
        Instant firedAt = context.getFireTime().toInstant();
        boolean catchUp = context.getMergedJobDataMap().containsKey(CATCH_UP);
        Firing firing = new Firing(key.getName(), task.scope().roomJid(),
                catchUp ? firedAt : context.getScheduledFireTime().toInstant(), firedAt,
                catchUp || isLate(context.getScheduledFireTime().toInstant(), firedAt));
        if (task.catchUp() == CatchUp.ONCE) {
            lastFires.record(key.getGroup(), key.getName(), firedAt);
        }
        try {
            task.task().run(firing);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("Job '{}' of {} was interrupted", key.getName(), task.scope());
        } catch (Exception | LinkageError e) {
            log.warn("Job '{}' of {} failed", key.getName(), task.scope(), e);
        }
    }

    void runPersistentJob(JobExecutionContext context) {
        JobDetail detail = context.getJobDetail();
        JobKey key = detail.getKey();
        JobDataMap data = detail.getJobDataMap();
        String pluginId = data.getString(PersistentJob.PLUGIN_ID);
        String room = data.getString(PersistentJob.ROOM_JID);
        HandlerKey handlerKey = new HandlerKey(pluginId, data.getString(PersistentJob.KIND));
        PersistentJobHandler handler;
        synchronized (handlersLock) {
            handler = handlers.get(handlerKey);
            if (handler == null) {
                parked.put(key, handlerKey);
                log.info("Persistent job {} is due but plugin {} has no '{}' handler yet; it waits for one",
                        key, pluginId, handlerKey.kind());
                return;
            }
        }
        Instant dueAt = Instant.parse(data.getString(PersistentJob.DUE_AT));
        Instant firedAt = context.getFireTime().toInstant();
        Firing firing = new Firing(key.getName(), room.isEmpty() ? Optional.empty() : Optional.of(room), dueAt, firedAt,
                context.isRecovering() || context.getTrigger().getKey().getName().contains(RESUMED)
                        || isLate(dueAt, firedAt));
        try {
            handler.handle(data.getString(PersistentJob.PAYLOAD), firing);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("Persistent job {} of plugin {} was interrupted", key, pluginId);
        } catch (Exception | LinkageError e) {
            log.warn("Persistent job {} of plugin {} failed; it is not retried", key, pluginId, e);
        } finally {
            deleteIfUnchanged(key, data.getString(PersistentJob.TOKEN));
        }
    }

    // ---- internals

    private QuartzJobHandle scheduleMemory(Scope scope, String name, Trigger trigger, CatchUp catchUp,
                                           String description, ScheduledTask task) {
        JobKey key = new JobKey(name, scope.group());
        removeJob(scope, name);
        memoryTasks.put(key, new MemoryTask(scope, task, catchUp, description));
        try {
            memory.scheduleJob(newJob(MemoryJob.class).withIdentity(key).build(), trigger);
        } catch (SchedulerException e) {
            memoryTasks.remove(key);
            throw new SchedulingException("scheduling job '" + name + "' of " + scope + " failed", e);
        }
        log.debug("Job '{}' of {} scheduled: {}", name, scope, description);
        return new QuartzJobHandle(this, scope, memory, key, false, description);
    }

    /** The first fire time missed since a {@link CatchUp#ONCE} cron job last ran (in an earlier process). */
    private Optional<Instant> missedSinceLastRun(Scope scope, String name, CronExpression cron) {
        Instant now = clock.instant();
        Optional<Instant> lastFire = lastFires.lastFire(scope.group(), name);
        if (lastFire.isEmpty()) {
            lastFires.record(scope.group(), name, now);   // the baseline from which runs count as missed
            return Optional.empty();
        }
        return Optional.ofNullable(cron.getTimeAfter(Date.from(lastFire.get())))
                .map(Date::toInstant)
                .filter(missed -> missed.isBefore(now));
    }

    /** Removes a job of either kind, keeping its last run (a job scheduled again still catches up). */
    private boolean removeJob(Scope scope, String name) {
        JobKey key = new JobKey(name, scope.group());
        boolean removed = memoryTasks.remove(key) != null;
        removed |= unscheduleQuietly(memory, key);
        try {
            removed |= persistent.deleteJob(key);
        } catch (SchedulerException e) {
            throw new SchedulingException("deleting job '" + name + "' of " + scope + " failed", e);
        }
        synchronized (handlersLock) {
            parked.remove(key);
        }
        return removed;
    }

    private void deleteIfUnchanged(JobKey key, String token) {
        try {
            JobDetail current = persistent.getJobDetail(key);
            // Scheduled again under the same name while this run was going on: keep the new one.
            if (current != null && token.equals(current.getJobDataMap().getString(PersistentJob.TOKEN))) {
                persistent.deleteJob(key);
            }
        } catch (SchedulerException e) {
            log.warn("Deleting persistent job {} after its run failed; it may run again", key, e);
        }
    }

    private QuartzJobHandle persistentHandle(Scope scope, JobKey key, String kind, String dueAt) {
        return new QuartzJobHandle(this, scope, persistent, key, true, "once at " + dueAt + ", persistent, " + kind);
    }

    /** {@code instant} itself when it is a whole second, otherwise the whole second after it. */
    static Instant nextWholeSecond(Instant instant) {
        Instant truncated = instant.truncatedTo(ChronoUnit.SECONDS);
        return truncated.equals(instant) ? instant : truncated.plusSeconds(1);
    }

    private static boolean isLate(Instant scheduledFor, Instant firedAt) {
        return Duration.between(scheduledFor, firedAt).compareTo(LATE_AFTER) > 0;
    }

    private static boolean unscheduleQuietly(Scheduler scheduler, JobKey key) {
        try {
            return scheduler.deleteJob(key);
        } catch (SchedulerException e) {
            log.warn("Deleting job {} failed", key, e);
            return false;
        }
    }

    private static CronExpression parseCron(Scope scope, String name, String expression, ZoneId zone) {
        try {
            CronExpression cron = new CronExpression(expression);
            cron.setTimeZone(TimeZone.getTimeZone(zone));
            return cron;
        } catch (ParseException e) {
            throw new IllegalArgumentException("job '" + name + "' of " + scope + ": invalid cron expression '"
                    + expression + "': " + e.getMessage(), e);
        }
    }

    private Job newJobInstance(Class<? extends Job> jobClass) throws SchedulerException {
        if (jobClass == MemoryJob.class) {
            return new MemoryJob(this);
        }
        if (jobClass == PersistentJob.class) {
            return new PersistentJob(this);
        }
        throw new SchedulerException("not a Majordome job: " + jobClass.getName());
    }

    private static Scheduler createMemoryScheduler(SchedulerSettings settings) throws SchedulerException {
        String name = settings.instanceName() + "-memory";
        Properties properties = commonProperties(name, settings.memoryThreads());
        properties.setProperty(StdSchedulerFactory.PROP_JOB_STORE_CLASS, RAMJobStore.class.getName());
        properties.setProperty("org.quartz.jobStore.misfireThreshold",
                Long.toString(settings.misfireThreshold().toMillis()));
        return new StdSchedulerFactory(properties).getScheduler();
    }

    private static Scheduler createPersistentScheduler(Database database, SchedulerSettings settings)
            throws SchedulerException {
        // Quartz finds connection providers by name in a JVM-wide registry: a fresh name per instance.
        String dataSourceName = "majordome-" + UUID.randomUUID();
        DBConnectionManager.getInstance().addConnectionProvider(dataSourceName,
                new DataSourceConnectionProvider(database.dataSource()));
        Properties properties = commonProperties(settings.instanceName(), settings.persistentThreads());
        properties.setProperty(StdSchedulerFactory.PROP_JOB_STORE_CLASS, JobStoreTX.class.getName());
        properties.setProperty("org.quartz.jobStore.driverDelegateClass", database.isPostgreSql()
                ? PostgreSQLDelegate.class.getName() : StdJDBCDelegate.class.getName());
        properties.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
        properties.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        properties.setProperty("org.quartz.jobStore.useProperties", "true");   // job data as text, not serialised Java
        properties.setProperty("org.quartz.jobStore.isClustered", "false");
        properties.setProperty("org.quartz.jobStore.misfireThreshold",
                Long.toString(settings.misfireThreshold().toMillis()));
        return new StdSchedulerFactory(properties).getScheduler();
    }

    private static Properties commonProperties(String name, int threads) {
        // Quartz keeps schedulers in a JVM-wide registry by name and would hand back a running one.
        if (SchedulerRepository.getInstance().lookup(name) != null) {
            throw new IllegalStateException("a scheduler named '" + name + "' is already running in this JVM");
        }
        Properties properties = new Properties();
        properties.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, name);
        properties.setProperty(StdSchedulerFactory.PROP_THREAD_POOL_CLASS, SimpleThreadPool.class.getName());
        properties.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
        properties.setProperty("org.quartz.threadPool.threadNamePrefix", name + "-job");
        properties.setProperty("org.quartz.scheduler.interruptJobsOnShutdownWithWait", "false");
        return properties;
    }
}
