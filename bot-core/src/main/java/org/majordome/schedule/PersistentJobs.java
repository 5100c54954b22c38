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
 * came due while their handler was missing (parked until it registers), and running them with exception
 * isolation, once.
 */
final class PersistentJobs {

    private static final Logger log = LoggerFactory.getLogger(PersistentJobs.class);
    /** Names the trigger of a persistent job that had waited for its handler. */
    private static final String RESUMED = "#resumed-";

    private final Scheduler persistent;
    private final StoredJobs stored;
    private final Object handlersLock = new Object();
    /** Guarded by {@link #handlersLock}. */
    private final Map<HandlerKey, PersistentJobHandler> handlers = new HashMap<>();
    /** Persistent jobs that came due while their handler was missing; guarded by {@link #handlersLock}. */
    private final Map<JobKey, HandlerKey> parked = new HashMap<>();

    private record HandlerKey(String pluginId, String kind) { }

    PersistentJobs(Scheduler persistent, StoredJobs stored) {
        this.persistent = persistent;
        this.stored = stored;
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
                        || SchedulerService.isLate(dueAt, firedAt));
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
