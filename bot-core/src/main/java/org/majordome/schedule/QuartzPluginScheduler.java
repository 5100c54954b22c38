package org.majordome.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.majordome.api.schedule.CatchUp;
import org.majordome.api.schedule.PersistentJobHandler;
import org.majordome.api.schedule.PluginScheduler;
import org.majordome.api.schedule.ScheduledJob;
import org.majordome.api.schedule.ScheduledTask;
import org.majordome.store.StorageService;

/** A plugin's view of the {@link SchedulerService}, bound to one scope. */
final class QuartzPluginScheduler implements PluginScheduler {

    private static final int MAX_JOB_NAME_LENGTH = 150;
    private static final int MAX_KIND_LENGTH = 100;
    private static final int MAX_PAYLOAD_LENGTH = 100_000;

    private final SchedulerService service;
    private final Scope scope;

    QuartzPluginScheduler(SchedulerService service, Scope scope) {
        this.service = service;
        this.scope = scope;
    }

    @Override
    public PluginScheduler room(String roomJid) {
        return new QuartzPluginScheduler(service, new Scope(scope.pluginId(), Optional.of(StorageService.normalizeRoom(roomJid))));
    }

    @Override
    public Optional<String> roomJid() {
        return scope.roomJid();
    }

    @Override
    public ScheduledJob cron(String jobName, String cronExpression, ZoneId zone, CatchUp catchUp,
                             ScheduledTask task) {
        return service.scheduleCron(scope, checkName(jobName), Objects.requireNonNull(cronExpression, "cronExpression"),
                Objects.requireNonNull(zone, "zone"), Objects.requireNonNull(catchUp, "catchUp"),
                Objects.requireNonNull(task, "task"));
    }

    @Override
    public ScheduledJob every(String jobName, Duration interval, ScheduledTask task) {
        Objects.requireNonNull(interval, "interval");
        if (interval.toMillis() < 1) {
            throw new IllegalArgumentException("the interval of job '" + jobName + "' must be at least 1 ms, was "
                    + interval);
        }
        return service.scheduleEvery(scope, checkName(jobName), interval, Objects.requireNonNull(task, "task"));
    }

    @Override
    public ScheduledJob once(String jobName, Instant at, ScheduledTask task) {
        return service.scheduleOnce(scope, checkName(jobName), Objects.requireNonNull(at, "at"),
                Objects.requireNonNull(task, "task"));
    }

    @Override
    public ScheduledJob schedulePersistent(String kind, String jobName, Instant at, String payload) {
        Objects.requireNonNull(payload, "payload");
        if (payload.length() > MAX_PAYLOAD_LENGTH) {
            throw new IllegalArgumentException("the payload of job '" + jobName + "' has " + payload.length()
                    + " characters, more than " + MAX_PAYLOAD_LENGTH);
        }
        return service.schedulePersistent(scope, checkKind(kind), checkName(jobName),
                Objects.requireNonNull(at, "at"), payload);
    }

    @Override
    public void onPersistentJob(String kind, PersistentJobHandler handler) {
        service.registerHandler(scope.pluginId(), checkKind(kind), Objects.requireNonNull(handler, "handler"));
    }

    @Override
    public Optional<ScheduledJob> job(String jobName) {
        return service.job(scope, checkName(jobName));
    }

    @Override
    public List<ScheduledJob> jobs() {
        return List.copyOf(service.jobs(scope));
    }

    @Override
    public boolean cancel(String jobName) {
        return service.cancel(scope, checkName(jobName));
    }

    @Override
    public void cancelAll() {
        service.cancelAll(scope);
    }

    @Override
    public String toString() {
        return "scheduler of " + scope;
    }

    private static String checkName(String jobName) {
        return checkText("job name", jobName, MAX_JOB_NAME_LENGTH);
    }

    private static String checkKind(String kind) {
        return checkText("job kind", kind, MAX_KIND_LENGTH);
    }

    private static String checkText(String what, String text, int maxLength) {
        Objects.requireNonNull(text, what);
        if (text.isBlank() || text.length() > maxLength) {
            throw new IllegalArgumentException("a " + what + " must have 1 to " + maxLength
                    + " characters, not all blank; was '" + text + "'");
        }
        return text;
    }
}
