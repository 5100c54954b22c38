package org.majordome.api.schedule;

import java.time.Instant;
import java.util.Optional;

/** A handle on a scheduled job; it reads the scheduler's current state on every call. */
public interface ScheduledJob {

    String name();

    /** Whether the job is stored in the database (see {@link PluginScheduler#schedulePersistent}). */
    boolean persistent();

    /** How it is scheduled, for people ("cron 0 0 9 * * ? Europe/Paris", "every PT1H", "once at ..."). */
    String schedule();

    /**
     * When it runs next; empty once it has no more runs, was cancelled, or (persistent) is waiting for
     * its handler.
     */
    Optional<Instant> nextFireTime();

    /** Cancels the job; returns whether it was still scheduled. */
    boolean cancel();
}
