package org.majordome.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.majordome.store.Database;
import org.majordome.store.DatabaseSettings;

/** {@link SchedulerService#listing()}: every plugin's jobs, in memory and stored, with room and next run. */
class SchedulerConsoleListingTest {

    private static final String LOBBY = "lobby@muc.example.org";

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
    void theListingHasEveryPluginsJobsSoonestFirstWithTheirRoom() {
        Instant inTwoMinutes = clock.instant().plus(Duration.ofMinutes(2));
        Instant inAnHour = clock.instant().plus(Duration.ofHours(1));
        scheduler.forPlugin("moderation").room(LOBBY).schedulePersistent("expire", "unban:jid:x@example.org", inAnHour,
                "payload");
        scheduler.forPlugin("notices").room(LOBBY).once("notice:rules", inTwoMinutes, firing -> { });
        scheduler.forPlugin("moderation").every("sweep", Duration.ofHours(3), firing -> { });

        List<JobListing> listing = scheduler.listing();

        assertThat(listing).extracting(JobListing::pluginId, JobListing::room, JobListing::name, JobListing::persistent)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("notices", Optional.of(LOBBY), "notice:rules", false),
                        org.assertj.core.groups.Tuple.tuple("moderation", Optional.of(LOBBY), "unban:jid:x@example.org",
                                true),
                        org.assertj.core.groups.Tuple.tuple("moderation", Optional.empty(), "sweep", false));
        assertThat(listing.getFirst().nextRun()).contains(inTwoMinutes.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(listing.get(1).nextRun()).contains(inAnHour.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }
}
