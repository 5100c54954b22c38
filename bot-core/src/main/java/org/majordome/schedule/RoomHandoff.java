package org.majordome.schedule;

import static org.quartz.TriggerBuilder.newTrigger;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.majordome.api.schedule.SchedulingException;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In a cluster, a room's persistent job is carried out by the instance holding the room, whichever instance Quartz
 * fired it on. Quartz stays the source of truth that a job is not yet done: the job is stored until it ran, and every
 * firing that does not run it leaves a trigger to check again ({@code recheck} later), so that a job is never lost.
 *
 * <ul>
 *   <li>Fired on an instance that does not hold the room: the job is handed over ({@link HandoffTable}) and
 *       re-checked later; the holder finds it at its next poll, claims it (a compare-and-set: one instance alone
 *       carries it out) and runs it.</li>
 *   <li>Fired on the holder: run at once, unless it was handed over; then only if the holder can claim it (else
 *       another instance carries it out now and the firing re-checks later, in case that instance dies).</li>
 *   <li>A claim whose instance died (its heartbeat ran out) or restarted is taken over: the job runs once more, as a
 *       job in flight on a dying instance does under Quartz's recovery.</li>
 * </ul>
 * A job of no room, or any job when the bot runs alone, runs where it fires.
 */
final class RoomHandoff implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RoomHandoff.class);
    /** Names the trigger of a firing that checks again that a handed-over job ran. */
    static final String RECHECK = "#handoff-";

    /** Runs a handed-over job this instance claimed; given by {@link PersistentJobs}. */
    interface Runner {
        /** Whether this instance can run the job now (it is still stored under this scheduling and has a handler). */
        boolean canRun(JobKey key, String token);

        /** Runs the claimed job and forgets it. */
        void runClaimed(JobKey key, String token);
    }

    private final Optional<HandoffTable> table;
    private final RoomHolding holding;
    private final Scheduler persistent;
    private final Duration recheck;
    private final Duration pollEvery;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("job-handoff").daemon().factory());

    /** Jobs run where they fire: the bot runs alone, or nothing tells which rooms this instance holds. */
    static RoomHandoff none(Scheduler persistent) {
        return new RoomHandoff(Optional.empty(), RoomHolding.EVERY_ROOM, persistent, Duration.ZERO, Duration.ZERO);
    }

    /**
     * @param recheck   how long after a firing that did not run a job it is checked again (the cluster's lease: by
     *                  then a dead holder's rooms and claims are another's)
     * @param pollEvery how often the holder looks for jobs handed over to it
     */
    RoomHandoff(Optional<HandoffTable> table, RoomHolding holding, Scheduler persistent, Duration recheck,
                Duration pollEvery) {
        this.table = table;
        this.holding = holding;
        this.persistent = persistent;
        this.recheck = recheck;
        this.pollEvery = pollEvery;
    }

    /** Starts looking for jobs handed over to this instance. */
    void start(Runner runner) {
        if (table.isPresent()) {
            poller.scheduleWithFixedDelay(() -> poll(runner), pollEvery.toMillis(), pollEvery.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Called as Quartz fires a room's job, before its handler: whether this firing carries the job out here. When it
     * does not, the job is handed over (or left to the instance carrying it out) and checked again later.
     */
    boolean runsHere(JobKey key, String room, String token) {
        if (table.isEmpty() || room.isEmpty()) {
            return true;
        }
        HandoffTable handoffs = table.get();
        Optional<HandoffTable.State> state = handoffs.find(key);
        if (holding.holds(room)) {
            if (state.isEmpty() || !state.get().token().equals(token)) {
                // Never handed over, or its hand-over is over: the holder that ran it deletes the job before the
                // hand-over, so a firing that raced that run finds the job gone here.
                return stillStored(key, token);
            }
            if (state.get().claimable() && handoffs.claim(key, token)) {
                return true;
            }
            log.debug("Persistent job {} is being carried out by another instance; checked again in {}", key, recheck);
        } else {
            // The check first: once handed over, the holder may run and delete the job at any moment.
            recheckLater(key);
            handoffs.handOver(key, token, room);
            if (state.isEmpty()) {
                log.info("Room {}: persistent job {} fired on an instance that does not hold the room; handed over to "
                        + "the holder", room, key);
            }
            return false;
        }
        recheckLater(key);
        return false;
    }

    /** This instance's name when it hands room jobs over in a cluster: its room jobs' writes are fenced by its leases. */
    Optional<String> clusterInstance() {
        return table.map(HandoffTable::instance);
    }

    /** The job ran (or was given up): its hand-over, if any, is over. */
    void finished(JobKey key, String token) {
        table.ifPresent(handoffs -> handoffs.done(key, token));
    }

    /** One look for handed-over jobs of the rooms this instance holds; each is claimed, then run here. */
    void poll(Runner runner) {
        try {
            for (HandoffTable.Handoff handoff : table.orElseThrow().claimable()) {
                if (!holding.holds(handoff.room())) {
                    continue;
                }
                if (!runner.canRun(handoff.key(), handoff.token())) {
                    continue;
                }
                if (table.get().claim(handoff.key(), handoff.token())) {
                    log.info("Room {}: running persistent job {} handed over by another instance", handoff.room(),
                            handoff.key());
                    runner.runClaimed(handoff.key(), handoff.token());
                }
            }
        } catch (RuntimeException e) {
            // The next poll tries again; the jobs stay handed over meanwhile.
            log.warn("Looking for persistent jobs handed over to this instance failed: {}", e.getMessage());
        }
    }

    private boolean stillStored(JobKey key, String token) {
        try {
            JobDetail detail = persistent.getJobDetail(key);
            return detail != null && token.equals(detail.getJobDataMap().getString(PersistentJob.TOKEN));
        } catch (SchedulerException e) {
            throw new SchedulingException("reading persistent job " + key + " failed", e);
        }
    }

    private boolean stillExists(JobKey key) {
        try {
            return persistent.checkExists(key);
        } catch (SchedulerException e) {
            return true;
        }
    }

    private void recheckLater(JobKey key) {
        try {
            persistent.scheduleJob(newTrigger()
                    .withIdentity(key.getName() + RECHECK + UUID.randomUUID(), key.getGroup())
                    .forJob(key)
                    .startAt(Date.from(Instant.now().plus(recheck)))
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                    .build());
        } catch (SchedulerException e) {
            if (!stillExists(key)) {
                return;   // run and deleted by its holder meanwhile: nothing left to check
            }
            throw new SchedulingException("scheduling the check of handed-over job " + key + " failed", e);
        }
    }

    @Override
    public void close() {
        // Like the schedulers: a job running now finishes (an interrupted one would count as run).
        poller.shutdown();
        try {
            poller.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
