package org.majordome.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.majordome.api.schedule.PluginScheduler;
import org.majordome.api.schedule.ScheduledJob;
import org.majordome.store.Database;
import org.majordome.store.DatabaseSettings;

/** {@code jobs()} of a scope with many jobs: the same answer as looking each job up, without a query per job. */
class SchedulerJobListingTest {

    private static final String LOBBY = "lobby@muc.example.org";

    @TempDir
    Path dataDirectory;

    private final Clock clock = Clock.systemUTC();
    private final AtomicInteger connectionsTakenByThisThread = new AtomicInteger();
    private Database database;
    private SchedulerService scheduler;

    @BeforeEach
    void start() {
        database = Database.open(DatabaseSettings.embedded(dataDirectory));
        scheduler = SchedulerService.start(countingConnections(database.dataSource(), Thread.currentThread()), false,
                SchedulerSettings.defaults(), clock);
    }

    @AfterEach
    void stop() {
        scheduler.close();
        database.close();
    }

    /** Counts the connections {@code thread} takes; Quartz's own threads poll the store on their own schedule. */
    private DataSource countingConnections(DataSource dataSource, Thread thread) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection") && Thread.currentThread() == thread) {
                        connectionsTakenByThisThread.incrementAndGet();
                    }
                    try {
                        return method.invoke(dataSource, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Forty persistent and twenty in-memory jobs in one room, and jobs elsewhere that must not be listed. */
    private PluginScheduler lobbyWithManyJobs() {
        PluginScheduler moderation = scheduler.forPlugin("moderation");
        PluginScheduler lobby = moderation.room(LOBBY);
        Instant inAnHour = clock.instant().plus(Duration.ofHours(1));
        IntStream.range(0, 40).forEach(i ->
                lobby.schedulePersistent(i % 2 == 0 ? "unban" : "unmute", "expire:" + i, inAnHour.plusSeconds(i), "p" + i));
        IntStream.range(0, 10).forEach(i -> lobby.every("tick:" + i, Duration.ofHours(1), firing -> { }));
        IntStream.range(0, 10).forEach(i ->
                lobby.cron("daily:" + i, "0 0 8 * * ?", ZoneId.of("Europe/Paris"), firing -> { }));
        moderation.schedulePersistent("unban", "plugin-wide", inAnHour, "elsewhere");
        moderation.room("other@muc.example.org").schedulePersistent("unban", "expire:0", inAnHour, "elsewhere");
        scheduler.forPlugin("notices").room(LOBBY).every("tick:0", Duration.ofHours(1), firing -> { });
        return lobby;
    }

    @Test
    void listingManyJobsGivesTheSameAnswerAsLookingEachUp() {
        PluginScheduler lobby = lobbyWithManyJobs();

        List<ScheduledJob> listed = lobby.jobs();

        assertThat(listed).hasSize(60);
        assertThat(listed).extracting(ScheduledJob::name).isSorted();
        assertThat(listed).filteredOn(ScheduledJob::persistent).hasSize(40);
        for (ScheduledJob job : listed) {
            ScheduledJob lookedUp = lobby.job(job.name()).orElseThrow();
            assertThat(job.persistent()).as(job.name()).isEqualTo(lookedUp.persistent());
            assertThat(job.schedule()).as(job.name()).isEqualTo(lookedUp.schedule());
            assertThat(job.nextFireTime()).as(job.name()).isEqualTo(lookedUp.nextFireTime()).isPresent();
        }
        assertThat(listed).filteredOn(job -> job.name().equals("expire:7")).singleElement()
                .satisfies(job -> assertThat(job.schedule()).startsWith("once at ").endsWith(", persistent, unmute"));
    }

    /** Debt of issue 12: {@code jobs()} read each persistent job with its own query after listing their keys. */
    @Test
    void listingManyJobsIssuesOneQueryNotOnePerJob() {
        PluginScheduler lobby = lobbyWithManyJobs();
        connectionsTakenByThisThread.set(0);

        List<ScheduledJob> listed = lobby.jobs();

        assertThat(listed).hasSize(60);
        assertThat(connectionsTakenByThisThread).as("connections taken to list 60 jobs").hasValue(1);
    }
}
