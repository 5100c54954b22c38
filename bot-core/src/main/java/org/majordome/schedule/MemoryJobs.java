package org.majordome.schedule;

import static org.quartz.JobBuilder.newJob;
import static org.quartz.TriggerBuilder.newTrigger;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import org.majordome.api.schedule.CatchUp;
import org.majordome.api.schedule.Firing;
import org.majordome.api.schedule.ScheduledTask;
import org.majordome.api.schedule.SchedulingException;
import org.majordome.text.Phrase;
import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-memory jobs (cron, interval, once): their plugin tasks, their triggers on the {@code RAMJobStore}
 * scheduler, the one catch-up of a {@link CatchUp#ONCE} cron job, and running them with exception isolation.
 */
final class MemoryJobs {

    private static final Logger log = LoggerFactory.getLogger(MemoryJobs.class);
    /** In the data map of a run triggered to catch up with a missed cron fire time. */
    private static final String CATCH_UP = "catchUp";

    private final Scheduler memory;
    private final Clock clock;
    private final LastFireTable lastFires;
    /** Removes a job of either kind under a name, before a new one takes it. */
    private final BiConsumer<Scope, String> removeAnyJob;
    private final Map<JobKey, MemoryTask> tasks = new ConcurrentHashMap<>();
    private final java.util.function.Predicate<String> paused;
    /** Jobs whose skip while their plugin is disabled was logged at info already: the next skips go to debug. */
    private final java.util.Set<JobKey> skipLogged = ConcurrentHashMap.newKeySet();

    private record MemoryTask(Scope scope, ScheduledTask task, CatchUp catchUp, Phrase schedule) { }

    /** @param paused whether a plugin is paused (disabled by an operator): its jobs' runs are skipped */
    MemoryJobs(Scheduler memory, Clock clock, LastFireTable lastFires, BiConsumer<Scope, String> removeAnyJob,
               java.util.function.Predicate<String> paused) {
        this.paused = paused;
        this.memory = memory;
        this.clock = clock;
        this.lastFires = lastFires;
        this.removeAnyJob = removeAnyJob;
    }

    Scheduler scheduler() {
        return memory;
    }

    /** Schedules a cron job and returns its description. */
    Phrase cron(Scope scope, String name, String expression, ZoneId zone, CatchUp catchUp, ScheduledTask task) {
        CronExpression cron = parseCron(scope, name, expression, zone);
        CronScheduleBuilder schedule = CronScheduleBuilder.cronSchedule(cron);
        schedule = catchUp == CatchUp.ONCE
                ? schedule.withMisfireHandlingInstructionFireAndProceed()
                : schedule.withMisfireHandlingInstructionDoNothing();
        Phrase description = ScheduleText.cron(expression, zone, catchUp);
        // Quartz drops the milliseconds of a cron trigger's start and fires the first matching time from one
        // second before it: started at 12:00:00.700, an every-second job would run the slot of 12:00:00 at
        // once, late. After a quick restart that slot may have run already in the previous process. Starting
        // at the next whole second makes the first run the first fire time from now, as CatchUp promises.
        Trigger trigger = newTrigger().withIdentity(name, scope.group())
                .startAt(Date.from(SchedulerService.nextWholeSecond(clock.instant())))
                .withSchedule(schedule).build();
        // Decided before the trigger exists: its first run would record itself as the last one.
        Optional<Instant> missedRun = catchUp == CatchUp.ONCE ? missedSinceLastRun(scope, name, cron) : Optional.empty();
        if (catchUp == CatchUp.NONE) {
            lastFires.forget(scope.group(), name);
        }
        schedule(scope, name, trigger, catchUp, description, task);
        if (missedRun.isPresent()) {
            log.info("Job '{}' of {} missed its run of {}; catching up once", name, scope, missedRun.get());
            try {
                memory.triggerJob(new JobKey(name, scope.group()), new JobDataMap(Map.of(CATCH_UP, true)));
            } catch (SchedulerException e) {
                throw new SchedulingException("catching up job '" + name + "' of " + scope + " failed", e);
            }
        }
        return description;
    }

    Phrase every(Scope scope, String name, Duration interval, ScheduledTask task) {
        Trigger trigger = newTrigger().withIdentity(name, scope.group())
                .startAt(Date.from(clock.instant().plus(interval)))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(interval.toMillis())
                        .repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
        return schedule(scope, name, trigger, CatchUp.NONE, ScheduleText.every(interval), task);
    }

    Phrase once(Scope scope, String name, Instant at, ScheduledTask task) {
        Trigger trigger = newTrigger().withIdentity(name, scope.group())
                .startAt(Date.from(at))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        return schedule(scope, name, trigger, CatchUp.NONE, ScheduleText.once(at), task);
    }

    /** The description of the in-memory job under {@code key}, if there is one. */
    Optional<Phrase> schedule(JobKey key) {
        return Optional.ofNullable(tasks.get(key)).map(MemoryTask::schedule);
    }

    /** The keys of the in-memory jobs of one Quartz group. */
    /** The groups that hold in-memory jobs now. */
    java.util.Set<String> groups() {
        return tasks.keySet().stream().map(JobKey::getGroup).collect(java.util.stream.Collectors.toSet());
    }

    List<JobKey> keysInGroup(String group) {
        return tasks.keySet().stream().filter(key -> key.getGroup().equals(group)).toList();
    }

    /** Cancels the in-memory jobs of a stopped plugin. */
    void release(String pluginId) {
        for (JobKey key : List.copyOf(tasks.keySet())) {
            if (Scope.belongsToPlugin(key.getGroup(), pluginId)) {
                tasks.remove(key);
                SchedulerService.deleteQuietly(memory, key);
            }
        }
    }

    /** Removes the job under {@code key}, keeping its last run (a job scheduled again still catches up). */
    boolean remove(JobKey key) {
        boolean removed = tasks.remove(key) != null;
        return SchedulerService.deleteQuietly(memory, key) | removed;
    }

    void forgetLastRun(Scope scope, String name) {
        lastFires.forget(scope.group(), name);
    }

    /** Called by {@link MemoryJob}. */
    void run(JobExecutionContext context) {
        JobKey key = context.getJobDetail().getKey();
        MemoryTask task = tasks.get(key);
        if (task == null) {
            return;   // cancelled while this run was starting
        }
        if (paused.test(task.scope().pluginId())) {
            // In-memory jobs repeat (or were in-memory only): a run missed while disabled is skipped, not owed.
            if (skipLogged.add(key)) {
                log.info("Job '{}' of {} skipped: the plugin is disabled (its runs are skipped until it is enabled)",
                        key.getName(), task.scope());
            } else {
                log.debug("Job '{}' of {} skipped: the plugin is disabled", key.getName(), task.scope());
            }
            return;
        }
        skipLogged.remove(key);
        Instant firedAt = context.getFireTime().toInstant();
        boolean catchUp = context.getMergedJobDataMap().containsKey(CATCH_UP);
        Firing firing = new Firing(key.getName(), task.scope().roomJid(),
                catchUp ? firedAt : context.getScheduledFireTime().toInstant(), firedAt,
                catchUp || SchedulerService.isLate(context.getScheduledFireTime().toInstant(), firedAt));
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

    private Phrase schedule(Scope scope, String name, Trigger trigger, CatchUp catchUp, Phrase description,
                            ScheduledTask task) {
        JobKey key = new JobKey(name, scope.group());
        removeAnyJob.accept(scope, name);
        tasks.put(key, new MemoryTask(scope, task, catchUp, description));
        try {
            memory.scheduleJob(newJob(MemoryJob.class).withIdentity(key).build(), trigger);
        } catch (SchedulerException e) {
            tasks.remove(key);
            throw new SchedulingException("scheduling job '" + name + "' of " + scope + " failed", e);
        }
        log.debug("Job '{}' of {} scheduled: {}", name, scope, description);
        return description;
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
}
