package org.majordome.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.majordome.config.DatabaseConnection;
import org.majordome.store.Database;
import org.majordome.store.DatabaseSettings;
import org.majordome.testing.PostgresExtension;
import org.quartz.JobKey;

/**
 * In a cluster a room's persistent job (a reminder, a sanction's end) is carried out by the instance that holds the
 * room, whichever instance Quartz's clustered store fired it on (issue "several instances": "carried out by the
 * instance that holds the room, hand it over through the database"). Instances here are schedulers on one real
 * PostgreSQL, each told which rooms it holds, with a heartbeat in {@code cluster_instance} as a cluster member keeps
 * it; the room package and XMPP play no part, so no XMPP server runs.
 */
class RoomJobHandoffIT {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    private static final String PLUGIN = "reminders";
    private static final String KIND = "remind";
    private static final String ROOM = "room@muc.localhost";
    private static final Duration RECHECK = Duration.ofSeconds(4);

    private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    private final Map<String, String> ranOn = new ConcurrentHashMap<>();

    @Test
    void aRoomJobFiredOnAnInstanceThatDoesNotHoldTheRoomRunsOnceOnTheHolder() throws Exception {
        DatabaseConnection connection = postgres.newDatabase("handoff");
        try (Database databaseA = open(connection); Database databaseB = open(connection)) {
            alive(databaseA, "a", "b");
            try (SchedulerService a = start(databaseA, "a", room -> false);
                 SchedulerService b = start(databaseB, "b", ROOM::equals)) {
                handle(a, "a");
                handle(b, "b");
                Instant due = Instant.now().plusSeconds(3);
                List<String> jobs = IntStream.rangeClosed(1, 10).mapToObj(i -> "job-" + i).toList();
                jobs.forEach(job -> a.forPlugin(PLUGIN).room(ROOM).schedulePersistent(KIND, job, due, job));
                assertThat(a.persistentScheduler().getJobDetail(new JobKey("job-1", PLUGIN + "/" + ROOM))
                        .requestsRecovery()).as("a job in flight on an instance that dies is run again").isTrue();

                await().atMost(Duration.ofSeconds(60)).until(() -> runs.keySet().containsAll(jobs));
                await().during(RECHECK.plusSeconds(2)).atMost(Duration.ofSeconds(30))
                        .until(() -> runs.values().stream().allMatch(count -> count.get() == 1));
                assertThat(runs).hasSize(10).allSatisfy((job, count) -> assertThat(count).as(job).hasValue(1));
                assertThat(ranOn).hasSize(10).allSatisfy((job, instance) -> assertThat(instance).as(job).isEqualTo("b"));
            }
        }
    }

    @Test
    void aJobHandedOverWhileNoInstanceHoldsTheRoomRunsOnceOnTheNextHolder() throws Exception {
        DatabaseConnection connection = postgres.newDatabase("next_holder");
        try (Database databaseA = open(connection); Database databaseC = open(connection)) {
            alive(databaseA, "a", "c");
            try (SchedulerService a = start(databaseA, "a", room -> false)) {
                handle(a, "a");
                a.forPlugin(PLUGIN).room(ROOM).schedulePersistent(KIND, "orphan", Instant.now().plusSeconds(1), "orphan");
                // Fired on a, which does not hold the room: handed over, to nobody yet (the holder died meanwhile).
                await().atMost(Duration.ofSeconds(60)).until(() -> handedOver(databaseA) == 1);
                assertThat(runs).isEmpty();

                try (SchedulerService c = start(databaseC, "c", ROOM::equals)) {
                    handle(c, "c");
                    await().atMost(Duration.ofSeconds(60)).until(() -> runs.containsKey("orphan"));
                    await().during(RECHECK.plusSeconds(2)).atMost(Duration.ofSeconds(30))
                            .until(() -> runs.get("orphan").get() == 1);
                    assertThat(ranOn).containsEntry("orphan", "c");
                    await().atMost(Duration.ofSeconds(30)).until(() -> handedOver(databaseA) == 0);
                }
            }
        }
    }

    /** A holder that claimed a handed-over job and died before it ran it (its heartbeat ran out): the next runs it. */
    @Test
    void aHandedOverJobWhoseClaimerDiedRunsOnceOnTheNextHolder() throws Exception {
        DatabaseConnection connection = postgres.newDatabase("dead_claimer");
        try (Database databaseA = open(connection); Database databaseC = open(connection)) {
            alive(databaseA, "a", "c");
            try (SchedulerService a = start(databaseA, "a", room -> false)) {
                handle(a, "a");
                a.forPlugin(PLUGIN).room(ROOM).schedulePersistent(KIND, "claimed", Instant.now().plusSeconds(1), "claimed");
                await().atMost(Duration.ofSeconds(60)).until(() -> handedOver(databaseA) == 1);
                execute(databaseA, "UPDATE cluster_handoff SET claimed_by = 'x', claim_session = 'gone'");

                try (SchedulerService c = start(databaseC, "c", ROOM::equals)) {
                    handle(c, "c");
                    await().atMost(Duration.ofSeconds(60)).until(() -> runs.containsKey("claimed"));
                    await().during(RECHECK.plusSeconds(2)).atMost(Duration.ofSeconds(30))
                            .until(() -> runs.get("claimed").get() == 1);
                    assertThat(ranOn).containsEntry("claimed", "c");
                }
            }
        }
    }

    @Test
    void aJobOfNoRoomRunsWhereItFires() {
        DatabaseConnection connection = postgres.newDatabase("no_room");
        try (Database databaseA = open(connection); SchedulerService a = start(databaseA, "a", room -> false)) {
            handle(a, "a");
            a.forPlugin(PLUGIN).schedulePersistent(KIND, "plugin-wide", Instant.now().plusSeconds(1), "plugin-wide");
            await().atMost(Duration.ofSeconds(60)).until(() -> runs.containsKey("plugin-wide"));
            assertThat(ranOn).containsEntry("plugin-wide", "a");
        }
    }

    private void handle(SchedulerService scheduler, String instance) {
        scheduler.forPlugin(PLUGIN).onPersistentJob(KIND, (payload, firing) -> {
            runs.computeIfAbsent(payload, job -> new AtomicInteger()).incrementAndGet();
            ranOn.put(payload, instance);
        });
    }

    /** The instances' heartbeats, as their cluster members keep them: their claims count as carried out. */
    private static void alive(Database database, String... instances) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO cluster_instance (instance_name,"
                     + " alive_until) VALUES (?, now() + INTERVAL '1 hour')")) {
            for (String instance : instances) {
                insert.setString(1, instance);
                insert.executeUpdate();
            }
        }
    }

    private static void execute(Database database, String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            connection.createStatement().executeUpdate(sql);
        }
    }

    private static int handedOver(Database database) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             var rows = connection.createStatement().executeQuery("SELECT count(*) FROM cluster_handoff")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static Database open(DatabaseConnection connection) {
        return Database.open(DatabaseSettings.jdbc(connection.jdbcUrl(), connection.user(), null));
    }

    private static SchedulerService start(Database database, String instance, RoomHolding holding) {
        return SchedulerService.start(database, SchedulerSettings.defaults().clustered(instance), Clock.systemUTC(),
                holding, RECHECK);
    }
}
