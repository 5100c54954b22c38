package org.majordome.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.majordome.api.schedule.Firing;
import org.majordome.api.schedule.PluginScheduler;
import org.majordome.store.Database;
import org.majordome.store.DatabaseSettings;

/**
 * Issue 19, "disable a Java plugin": a disabled plugin's jobs do not run; a persistent job that comes due meanwhile is
 * not lost but runs when the plugin is enabled again; in-memory runs are skipped.
 */
class SchedulerPauseTest {

    @TempDir
    Path dataDirectory;

    private final Clock clock = Clock.systemUTC();
    private Database database;
    private SchedulerService scheduler;

    @BeforeEach
    void start() {
        database = Database.open(DatabaseSettings.embedded(dataDirectory));
        scheduler = SchedulerService.start(database, SchedulerSettings.defaults(), clock);
    }

    @AfterEach
    void stop() {
        scheduler.close();
        database.close();
    }

    @Test
    void aPersistentJobDueWhileThePluginIsDisabledRunsOnceWhenItIsEnabled() {
        PluginScheduler moderation = scheduler.forPlugin("moderation");
        List<Firing> firings = new CopyOnWriteArrayList<>();
        moderation.onPersistentJob("unban", (payload, firing) -> firings.add(firing));
        scheduler.pausePlugin("moderation");

        // Due seconds ago, so that its run after the resume is late however fast this machine resumes it (due in
        // 300 ms, a quick resume ran it less than a second after its time, not late).
        moderation.schedulePersistent("unban", "unban:eve", clock.instant().minusSeconds(5), "eve");
        await().atMost(Duration.ofSeconds(60)).until(() -> moderation.job("unban:eve").orElseThrow()
                .nextFireTime().isEmpty());
        assertThat(firings).as("due while disabled: it waits, stored").isEmpty();
        assertThat(moderation.job("unban:eve")).isPresent();

        scheduler.resumePlugin("moderation");
        await().atMost(Duration.ofSeconds(60)).until(() -> firings.size() == 1);
        assertThat(firings.getFirst().late()).isTrue();
        await().atMost(Duration.ofSeconds(60)).until(() -> moderation.jobs().isEmpty());
    }

    @Test
    void anInMemoryJobSkipsItsRunsWhileThePluginIsDisabled() {
        PluginScheduler notices = scheduler.forPlugin("notices");
        AtomicInteger runs = new AtomicInteger();
        scheduler.pausePlugin("notices");
        notices.every("tick", Duration.ofMillis(100), firing -> runs.incrementAndGet());

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(60)).until(() -> runs.get() == 0);

        scheduler.resumePlugin("notices");
        await().atMost(Duration.ofSeconds(60)).until(() -> runs.get() >= 2);
    }
}
