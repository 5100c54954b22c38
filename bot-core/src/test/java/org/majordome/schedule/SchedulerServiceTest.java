package org.majordome.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.majordome.api.schedule.CatchUp;
import org.majordome.api.schedule.Firing;
import org.majordome.api.schedule.PluginScheduler;
import org.majordome.api.schedule.ScheduledJob;
import org.majordome.store.Database;
import org.majordome.store.DatabaseSettings;

class SchedulerServiceTest {

    private static final String EVERY_SECOND = "* * * * * ?";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @TempDir
    Path dataDirectory;

    private final Clock clock = Clock.systemUTC();
    private Database database;
    private SchedulerService scheduler;

    @BeforeEach
    void start() {
        database = Database.open(DatabaseSettings.embedded(dataDirectory));
        scheduler = startScheduler();
    }

    @AfterEach
    void stop() {
        scheduler.close();
        database.close();
    }

    private SchedulerService startScheduler() {
        return SchedulerService.start(database, SchedulerSettings.defaults(), clock);
    }

    private void restart() {
        scheduler.close();
        scheduler = startScheduler();
    }

    /** Lets real time pass while the scheduler is down, polling rather than sleeping. */
    private void waitUntil(Instant instant) {
        await().atMost(Duration.ofSeconds(60)).until(() -> clock.instant().isAfter(instant));
    }

    @Test
    void runsAOneOffTaskAndAnIntervalTaskThatSurvivesItsOwnFailure() {
        PluginScheduler plugin = scheduler.forPlugin("welcome");
        List<Firing> onceFirings = new CopyOnWriteArrayList<>();
        AtomicInteger intervalRuns = new AtomicInteger();

        plugin.once("greet", clock.instant().plusMillis(300), onceFirings::add);
        plugin.every("tick", Duration.ofMillis(200), firing -> {
            intervalRuns.incrementAndGet();
            throw new IllegalStateException("plugin bug");
        });

        await().atMost(Duration.ofSeconds(60)).until(() -> onceFirings.size() == 1 && intervalRuns.get() >= 3);
        assertThat(onceFirings.get(0).jobName()).isEqualTo("greet");
        assertThat(onceFirings.get(0).roomJid()).isEmpty();
        assertThat(plugin.job("greet")).hasValueSatisfying(job -> assertThat(job.nextFireTime()).isEmpty());
    }

    @Test
    void reportsNextFireTimesListsAndCancelsJobsPerScope() {
        PluginScheduler notices = scheduler.forPlugin("notices");
        PluginScheduler lobby = notices.room("Lobby@muc.example.org");
        AtomicInteger runs = new AtomicInteger();

        ScheduledJob hourly = lobby.cron("hourly", "0 0 * * * ?", PARIS, firing -> runs.incrementAndGet());
        lobby.schedulePersistent("expire", "expire:42", clock.instant().plusSeconds(3600), "{\"id\":42}");
        notices.every("plugin-wide", Duration.ofHours(1), firing -> runs.incrementAndGet());

        assertThat(hourly.nextFireTime()).hasValueSatisfying(next -> assertThat(next)
                .isAfter(clock.instant()).isBefore(clock.instant().plus(Duration.ofMinutes(61))));
        assertThat(lobby.jobs()).extracting(ScheduledJob::name).containsExactly("expire:42", "hourly");
        assertThat(lobby.job("expire:42")).hasValueSatisfying(job -> {
            assertThat(job.persistent()).isTrue();
            assertThat(job.nextFireTime()).isPresent();
        });
        assertThat(notices.jobs()).extracting(ScheduledJob::name).containsExactly("plugin-wide");
        assertThat(lobby.roomJid()).contains("lobby@muc.example.org");

        assertThat(hourly.cancel()).isTrue();
        assertThat(hourly.cancel()).isFalse();
        lobby.cancelAll();
        assertThat(lobby.jobs()).isEmpty();
        assertThat(notices.jobs()).hasSize(1);
        assertThat(runs).hasValue(0);
    }

    @Test
    void rejectsAnInvalidCronExpressionNamingIt() {
        assertThatThrownBy(() -> scheduler.forPlugin("notices").cron("bad", "every day", PARIS, firing -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'every day'");
    }

    @Test
    void runsAPersistentJobOnTimeWhenItsHandlerIsThere() {
        PluginScheduler moderation = scheduler.forPlugin("moderation");
        List<String> payloads = new CopyOnWriteArrayList<>();
        moderation.onPersistentJob("unban", (payload, firing) -> payloads.add(payload + "@" + firing.roomJid().orElseThrow()));

        moderation.room("lobby@muc.example.org")
                .schedulePersistent("unban", "unban:mallory", clock.instant().plusSeconds(1), "mallory");

        await().atMost(Duration.ofSeconds(60)).until(() -> payloads.size() == 1);
        assertThat(payloads).containsExactly("mallory@lobby@muc.example.org");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> moderation.room("lobby@muc.example.org").jobs().isEmpty());
    }

    @Test
    void aPersistentJobMissedDuringDowntimeRunsOnceAfterRestartAndNeverAgain() {
        Instant dueAt = clock.instant().plusSeconds(3);
        scheduler.forPlugin("moderation").schedulePersistent("unban", "unban:mallory", dueAt, "{\"jid\":\"mallory\"}");
        scheduler.close();
        waitUntil(dueAt.plusMillis(1500));

        scheduler = startScheduler();
        List<Firing> firings = new CopyOnWriteArrayList<>();
        List<String> payloads = new CopyOnWriteArrayList<>();
        scheduler.forPlugin("moderation").onPersistentJob("unban", (payload, firing) -> {
            payloads.add(payload);
            firings.add(firing);
        });

        await().atMost(Duration.ofSeconds(60)).until(() -> firings.size() == 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(60)).until(() -> firings.size() == 1);
        assertThat(payloads).containsExactly("{\"jid\":\"mallory\"}");
        assertThat(firings.get(0).scheduledFor()).isEqualTo(dueAt);
        assertThat(firings.get(0).late()).isTrue();

        restart();
        AtomicInteger afterSecondRestart = new AtomicInteger();
        scheduler.forPlugin("moderation").onPersistentJob("unban", (payload, firing) -> afterSecondRestart.incrementAndGet());
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(60)).until(() -> afterSecondRestart.get() == 0);
        assertThat(scheduler.forPlugin("moderation").jobs()).isEmpty();
    }

    @Test
    void aPersistentJobWaitsForAPluginThatWasReleased() {
        PluginScheduler moderation = scheduler.forPlugin("moderation");
        AtomicInteger firstHandler = new AtomicInteger();
        moderation.onPersistentJob("unban", (payload, firing) -> firstHandler.incrementAndGet());
        scheduler.releasePlugin("moderation");

        moderation.schedulePersistent("unban", "unban:eve", clock.instant().plusMillis(500), "eve");
        await().atMost(Duration.ofSeconds(60)).until(() -> moderation.job("unban:eve").orElseThrow()
                .nextFireTime().isEmpty());
        List<String> secondHandler = new CopyOnWriteArrayList<>();
        scheduler.forPlugin("moderation").onPersistentJob("unban", (payload, firing) -> secondHandler.add(payload));

        await().atMost(Duration.ofSeconds(60)).until(() -> secondHandler.size() == 1);
        assertThat(firstHandler).hasValue(0);
        assertThat(secondHandler).containsExactly("eve");
    }

    @Test
    void anEverySecondCronJobDoesNotReplayMissedRunsAfterDowntime() {
        AtomicInteger beforeRestart = new AtomicInteger();
        scheduler.forPlugin("notices").cron("tick", EVERY_SECOND, PARIS, CatchUp.NONE,
                firing -> beforeRestart.incrementAndGet());
        await().atMost(Duration.ofSeconds(60)).until(() -> beforeRestart.get() >= 1);
        scheduler.close();
        waitUntil(clock.instant().plusSeconds(3));

        scheduler = startScheduler();
        List<Firing> afterRestart = new CopyOnWriteArrayList<>();
        Instant restartedAt = clock.instant();
        scheduler.forPlugin("notices").cron("tick", EVERY_SECOND, PARIS, CatchUp.NONE, afterRestart::add);

        waitUntil(restartedAt.plusMillis(2500));

        // The first run is the first whole second after the restart: at most 3 runs in 2.5 s, none late.
        List<Firing> seen = List.copyOf(afterRestart);
        assertThat(seen).as("runs on time only, nothing for the downtime").hasSizeBetween(1, 3)
                .allSatisfy(firing -> {
                    assertThat(firing.late()).isFalse();
                    assertThat(firing.scheduledFor()).isAfterOrEqualTo(restartedAt);
                });
    }

    /**
     * Regression: Quartz started a cron trigger at the whole second before its creation, so an every-second
     * job created at 12:00:00.700 ran the slot of 12:00:00 at once; after a restart within the same second that
     * slot ran twice (found by SchedulingRestartIT).
     */
    @Test
    void aCronJobDoesNotRunTheSecondItWasCreatedIn() {
        List<Firing> firings = new CopyOnWriteArrayList<>();
        Instant scheduledAt = clock.instant();
        scheduler.forPlugin("notices").cron("tick", EVERY_SECOND, PARIS, CatchUp.NONE, firings::add);

        await().atMost(Duration.ofSeconds(60)).until(() -> !firings.isEmpty());
        assertThat(firings.getFirst().scheduledFor()).isAfterOrEqualTo(scheduledAt);
    }

    @Test
    void theNextWholeSecondOfAWholeSecondIsItself() {
        Instant whole = Instant.parse("2025-03-01T12:00:00Z");
        assertThat(SchedulerService.nextWholeSecond(whole)).isEqualTo(whole);
        assertThat(SchedulerService.nextWholeSecond(whole.plusNanos(1))).isEqualTo(whole.plusSeconds(1));
        assertThat(SchedulerService.nextWholeSecond(whole.plusMillis(999))).isEqualTo(whole.plusSeconds(1));
    }

    @Test
    void aCatchUpOnceCronJobRunsExactlyOneCatchUpAfterDowntime() {
        AtomicInteger beforeRestart = new AtomicInteger();
        scheduler.forPlugin("notices").room("lobby@muc.example.org").cron("tick", EVERY_SECOND, PARIS, CatchUp.ONCE,
                firing -> beforeRestart.incrementAndGet());
        await().atMost(Duration.ofSeconds(60)).until(() -> beforeRestart.get() >= 1);
        scheduler.close();
        waitUntil(clock.instant().plusSeconds(3));

        scheduler = startScheduler();
        List<Firing> afterRestart = new CopyOnWriteArrayList<>();
        scheduler.forPlugin("notices").room("lobby@muc.example.org").cron("tick", EVERY_SECOND, PARIS, CatchUp.ONCE,
                afterRestart::add);

        Instant restartedAt = clock.instant();
        await().atMost(Duration.ofSeconds(60)).until(() -> afterRestart.stream().anyMatch(Firing::late));
        waitUntil(restartedAt.plusMillis(2500));

        List<Firing> seen = List.copyOf(afterRestart);
        assertThat(seen.stream().filter(Firing::late)).as("one catch-up, however many were missed: %s", seen)
                .hasSize(1);
        assertThat(seen).as("the catch-up and runs on time: %s", seen).hasSizeBetween(2, 5);
    }
}
