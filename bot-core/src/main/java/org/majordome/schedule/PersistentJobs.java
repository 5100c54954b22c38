package org.majordome.schedule;

import static org.quartz.JobBuilder.newJob;
import static org.quartz.TriggerBuilder.newTrigger;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.majordome.api.schedule.Firing;
import org.majordome.api.schedule.PersistentJobHandler;
import org.majordome.api.schedule.SchedulingException;
import org.majordome.schedule.StoredJobs.StoredJob;
import org.majordome.store.LeaseFence;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persistent one-shot jobs: storing them in the JDBC job store, the plugins' handlers by kind, jobs that
 * came due while their handler was missing (parked until it registers) or while their plugin was disabled
 * (parked until it is enabled), and running them with exception isolation, once.
 */
final class PersistentJobs {

    private static final Logger log = LoggerFactory.getLogger(PersistentJobs.class);
    /** Names the trigger of a persistent job that had waited for its handler. */
    private static final String RESUMED = "#resumed-";

    private final Scheduler persistent;
    private final StoredJobs stored;
    private final RoomHandoff handoff;
    private final Object handlersLock = new Object();
    /** Guarded by {@link #handlersLock}. */
    private final Map<HandlerKey, PersistentJobHandler> handlers = new HashMap<>();
    /** Persistent jobs that came due while their handler was missing; guarded by {@link #handlersLock}. */
    private final Map<JobKey, HandlerKey> parked = new HashMap<>();

    private record HandlerKey(String pluginId, String kind) { }

    /** Whether a plugin is paused (disabled by an operator): its jobs that come due are parked. */
    private final java.util.function.Predicate<String> paused;

    PersistentJobs(Scheduler persistent, StoredJobs stored, RoomHandoff handoff,
                   java.util.function.Predicate<String> paused) {
        this.paused = paused;
        this.persistent = persistent;
        this.stored = stored;
        this.handoff = handoff;
    }

    /** Starts carrying out the room jobs other instances hand over to this one (in a cluster). */
    void startHandoff() {
        handoff.start(new RoomHandoff.Runner() {
            @Override
            public boolean canRun(JobKey key, String token) {
                return canRunHandedOver(key, token);
            }

            @Override
            public void runClaimed(JobKey key, String token) {
                runHandedOver(key, token);
            }
        });
    }

    RoomHandoff handoff() {
        return handoff;
    }

    Scheduler scheduler() {
        return persistent;
    }

    /** Stores a job; the caller has removed any job of either kind under the same name. */
    void schedule(Scope scope, String kind, String name, Instant at, String payload) {
        JobKey key = new JobKey(name, scope.group());
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
            fireNow(waiting, "its handler");
        } catch (SchedulerException e) {
            throw new SchedulingException("resuming the waiting '" + kind + "' jobs of plugin " + pluginId
                    + " failed", e);
        }
    }

    private void fireNow(Set<JobKey> waiting, String waitedFor) throws SchedulerException {
        for (JobKey key : waiting) {
            try {
                persistent.scheduleJob(newTrigger()
                        .withIdentity(key.getName() + RESUMED + UUID.randomUUID(), key.getGroup())
                        .forJob(key)
                        .startNow()
                        .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                        .build());
            } catch (SchedulerException e) {
                // A run that was ending as the jobs were listed deletes its job: nothing waits any more. Seen when a
                // plugin restarted just as its job finished; the restart failed on it.
                if (!persistent.checkExists(key)) {
                    log.debug("Persistent job {} ended as it was resumed; nothing left to run", key);
                    continue;
                }
                throw e;
            }
            log.info("Persistent job {} had waited for {}; running it now", key, waitedFor);
        }
    }

    /**
     * The plugin was enabled again (the caller no longer counts it paused): the jobs that came due while it was
     * disabled run now. Those of an earlier run of the bot, stored without a trigger, run when its handler registers.
     */
    void resume(String pluginId) {
        Set<JobKey> waiting = new LinkedHashSet<>();
        synchronized (handlersLock) {
            parked.entrySet().removeIf(entry -> entry.getValue().pluginId().equals(pluginId)
                    && handlers.containsKey(entry.getValue()) && waiting.add(entry.getKey()));
        }
        try {
            fireNow(waiting, "plugin " + pluginId + " to be enabled");
        } catch (SchedulerException e) {
            throw new SchedulingException("running the jobs plugin " + pluginId + " missed while disabled failed", e);
        }
    }

    /** The stored job under {@code key}, if there is one. */
    Optional<StoredJob> find(Scope scope, String name) {
        JobKey key = new JobKey(name, scope.group());
        try {
            return Optional.ofNullable(persistent.getJobDetail(key)).map(detail -> new StoredJob(key.getName(),
                    detail.getJobDataMap().getString(PersistentJob.KIND),
                    detail.getJobDataMap().getString(PersistentJob.DUE_AT)));
        } catch (SchedulerException e) {
            throw new SchedulingException("reading job '" + name + "' of " + scope + " failed", e);
        }
    }

    /** The stored jobs of one Quartz group, in one query. */
    List<StoredJob> inGroup(String group) {
        return stored.inGroup(group);
    }

    /** Drops a stopped plugin's handlers; its jobs stay stored for its next start. */
    void release(String pluginId) {
        synchronized (handlersLock) {
            handlers.keySet().removeIf(handler -> handler.pluginId().equals(pluginId));
            parked.values().removeIf(handler -> handler.pluginId().equals(pluginId));
        }
    }

    boolean remove(Scope scope, String name) {
        JobKey key = new JobKey(name, scope.group());
        boolean removed;
        try {
            removed = persistent.deleteJob(key);
        } catch (SchedulerException e) {
            throw new SchedulingException("deleting job '" + name + "' of " + scope + " failed", e);
        }
        synchronized (handlersLock) {
            parked.remove(key);
        }
        return removed;
    }

    /** Called by {@link PersistentJob}. */
    void run(JobExecutionContext context) {
        JobDetail detail = context.getJobDetail();
        JobKey key = detail.getKey();
        JobDataMap data = detail.getJobDataMap();
        String pluginId = data.getString(PersistentJob.PLUGIN_ID);
        HandlerKey handlerKey = new HandlerKey(pluginId, data.getString(PersistentJob.KIND));
        synchronized (handlersLock) {
            if (!handlers.containsKey(handlerKey)) {
                parked.put(key, handlerKey);
                log.info("Persistent job {} is due but plugin {} has no '{}' handler yet; it waits for one",
                        key, pluginId, handlerKey.kind());
                return;
            }
            // Checked under the lock that resume() takes after the plugin leaves the paused set: never parked late.
            if (paused.test(pluginId)) {
                parked.put(key, handlerKey);
                log.info("Persistent job {} is due but plugin {} is disabled; it runs when the plugin is enabled",
                        key, pluginId);
                return;
            }
        }
        String token = data.getString(PersistentJob.TOKEN);
        if (!handoff.runsHere(key, data.getString(PersistentJob.ROOM_JID), token)) {
            return;   // carried out by the room's holder
        }
        String trigger = context.getTrigger().getKey().getName();
        runHandler(detail, context.getFireTime().toInstant(), context.isRecovering() || trigger.contains(RESUMED)
                || trigger.contains(RoomHandoff.RECHECK));
    }

    /** Whether a job handed over to this instance is still stored under that scheduling and has its handler here. */
    private boolean canRunHandedOver(JobKey key, String token) {
        JobDetail detail = storedDetail(key);
        if (detail == null || !token.equals(detail.getJobDataMap().getString(PersistentJob.TOKEN))) {
            handoff.finished(key, token);   // cancelled or scheduled again since: nothing to carry out
            return false;
        }
        HandlerKey handlerKey = new HandlerKey(detail.getJobDataMap().getString(PersistentJob.PLUGIN_ID),
                detail.getJobDataMap().getString(PersistentJob.KIND));
        synchronized (handlersLock) {
            return handlers.containsKey(handlerKey) && !paused.test(handlerKey.pluginId());   // else it waits
        }
    }

    /** Runs a job another instance handed over, which this one claimed. */
    private void runHandedOver(JobKey key, String token) {
        JobDetail detail = storedDetail(key);
        if (detail == null || !token.equals(detail.getJobDataMap().getString(PersistentJob.TOKEN))) {
            handoff.finished(key, token);
            return;
        }
        runHandler(detail, Instant.now(), false);   // late when it is: a hand-over takes a poll, a recovery longer
    }

    private JobDetail storedDetail(JobKey key) {
        try {
            return persistent.getJobDetail(key);
        } catch (SchedulerException e) {
            throw new SchedulingException("reading persistent job " + key + " failed", e);
        }
    }

    /** Runs the job's handler once, with exception isolation, then forgets the job. */
    private void runHandler(JobDetail detail, Instant firedAt, boolean late) {
        JobKey key = detail.getKey();
        JobDataMap data = detail.getJobDataMap();
        String pluginId = data.getString(PersistentJob.PLUGIN_ID);
        String room = data.getString(PersistentJob.ROOM_JID);
        PersistentJobHandler handler;
        boolean disabled = false;
        synchronized (handlersLock) {
            HandlerKey handlerKey = new HandlerKey(pluginId, data.getString(PersistentJob.KIND));
            handler = handlers.get(handlerKey);
            if (handler != null && paused.test(pluginId)) {
                parked.put(key, handlerKey);   // disabled as the job started: it runs at the enable
                handler = null;
                disabled = true;
            }
        }
        Instant dueAt = Instant.parse(data.getString(PersistentJob.DUE_AT));
        boolean takenOver = false;
        Firing firing = new Firing(key.getName(), room.isEmpty() ? Optional.empty() : Optional.of(room), dueAt, firedAt,
                late || SchedulerService.isLate(dueAt, firedAt));
        try {
            if (handler == null && disabled) {
                log.info("Persistent job {} waits: plugin {} was disabled as it started", key, pluginId);
                return;
            }
            if (handler == null) {
                // Stopped as the job started: the job stays stored, its trigger or hand-over check runs it later
                // (or the plugin's next start does).
                log.info("Persistent job {} lost its handler as it started (plugin {} stopped); it waits", key,
                        pluginId);
                return;
            }
            takenOver = !runFenced(handler, data.getString(PersistentJob.PAYLOAD), firing);
            if (takenOver) {
                // The room is another instance's now (this one was paused mid-job): its holder carries the job out.
                log.warn("Persistent job {} of plugin {}: room {} was taken over while it ran; left to its holder",
                        key, pluginId, room);
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("Persistent job {} of plugin {} was interrupted", key, pluginId);
        } catch (Exception | LinkageError e) {
            log.warn("Persistent job {} of plugin {} failed; it is not retried", key, pluginId, e);
        } finally {
            if (!takenOver) {
                if (handler != null) {
                    deleteIfUnchanged(key, data.getString(PersistentJob.TOKEN));
                }
                handoff.finished(key, data.getString(PersistentJob.TOKEN));
            }
        }
    }

    /**
     * Runs a room's job in a cluster with its storage writes fenced by the room's lease ({@link LeaseFence}): false
     * when a write was refused, the room having been taken over meanwhile.
     */
    private boolean runFenced(PersistentJobHandler handler, String payload, Firing firing) throws Exception {
        Optional<String> instance = handoff.clusterInstance();
        if (instance.isEmpty() || firing.roomJid().isEmpty()) {
            handler.handle(payload, firing);
            return true;
        }
        try (LeaseFence.Scope scope = LeaseFence.enter(instance.get(), firing.roomJid().get())) {
            try {
                handler.handle(payload, firing);
            } catch (Exception e) {
                if (scope.refused()) {
                    return false;   // the handler failed on the refused write
                }
                throw e;
            }
            return !scope.refused();
        }
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
}
