package org.majordome.schedule;

import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;

import org.majordome.api.schedule.ScheduledJob;
import org.majordome.api.schedule.SchedulingException;
import org.majordome.text.Phrase;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;

/** A job, seen through the Quartz scheduler that holds it. */
final class QuartzJobHandle implements ScheduledJob {

    private final SchedulerService service;
    private final Scope scope;
    private final Scheduler scheduler;
    private final JobKey key;
    private final boolean persistent;
    private final Phrase schedule;

    QuartzJobHandle(SchedulerService service, Scope scope, Scheduler scheduler, JobKey key, boolean persistent,
                    Phrase schedule) {
        this.service = service;
        this.scope = scope;
        this.scheduler = scheduler;
        this.key = key;
        this.persistent = persistent;
        this.schedule = schedule;
    }

    @Override
    public String name() {
        return key.getName();
    }

    @Override
    public boolean persistent() {
        return persistent;
    }

    @Override
    public String schedule() {
        return schedule.toString();
    }

    /** How it is scheduled, to be worded in its reader's language. */
    Phrase how() {
        return schedule;
    }

    @Override
    public Optional<Instant> nextFireTime() {
        try {
            return scheduler.getTriggersOfJob(key).stream()
                    .map(Trigger::getNextFireTime)
                    .filter(Objects::nonNull)
                    .min(Date::compareTo)
                    .map(Date::toInstant);
        } catch (SchedulerException e) {
            throw new SchedulingException("reading the next run of " + key + " failed", e);
        }
    }

    @Override
    public boolean cancel() {
        return service.cancel(scope, key.getName());
    }

    @Override
    public String toString() {
        return key.getName() + " (" + schedule + ")";
    }
}
