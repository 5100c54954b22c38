package org.majordome.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.majordome.api.storage.PluginStorage;
import org.majordome.api.storage.StorageChange;
import org.majordome.config.DatabaseConnection;
import org.majordome.testing.PostgresExtension;

/**
 * Two instances of the bot share one real PostgreSQL (a cluster, issue "several instances"): the storage of each is
 * a {@link StorageService} on its own {@link Database}, as in two processes. Read-modify-write loses nothing across
 * the instances (the in-process writer lock alone does not reach the other one), and each instance hears the changes
 * the other committed, at once, and after its listening connection dropped, that it must read everything again.
 */
class SharedStorageIT {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    private static final String PLUGIN = "karma";
    private static final String ROOM = "room@muc.localhost";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void twoInstancesIncrementingOneCounterConcurrentlyLoseNoUpdate() throws Exception {
        DatabaseConnection connection = postgres.newDatabase("counters");
        int threads = 4;
        int increments = 50;
        try (Database databaseA = open(connection); Database databaseB = open(connection)) {
            List<PluginStorage> instances = List.of(new StorageService(databaseA).forPlugin(PLUGIN),
                    new StorageService(databaseB).forPlugin(PLUGIN));
            ExecutorService pool = Executors.newFixedThreadPool(2 * threads);
            try {
                List<Future<?>> runs = new ArrayList<>();
                for (PluginStorage storage : instances) {
                    for (int t = 0; t < threads; t++) {
                        runs.add(pool.submit(() -> {
                            for (int i = 0; i < increments; i++) {
                                storage.room(ROOM).increment("points/eve", 1);
                                // Read, then write, in one transaction: the karma plugin's way.
                                storage.room(ROOM).transaction(tx -> tx.put("karma/eve", Long.toString(
                                        tx.get("karma/eve").map(Long::parseLong).orElse(0L) + 1)));
                            }
                        }));
                    }
                }
                for (Future<?> run : runs) {
                    run.get();
                }
            } finally {
                pool.shutdownNow();
            }
            long expected = 2L * threads * increments;
            assertThat(instances.get(0).room(ROOM).get("points/eve")).contains(Long.toString(expected));
            assertThat(instances.get(1).room(ROOM).get("karma/eve")).contains(Long.toString(expected));
        }
    }

    @Test
    void aChangeCommittedOnOneInstanceIsHeardOnTheOtherAtOnceAndARolledBackOneIsNot() {
        DatabaseConnection connection = postgres.newDatabase("heard");
        try (Database databaseA = open(connection); Database databaseB = open(connection);
             StorageService a = StorageService.shared(databaseA); StorageService b = StorageService.shared(databaseB)) {
            List<StorageChange> heardByA = new CopyOnWriteArrayList<>();
            List<StorageChange> heardByB = new CopyOnWriteArrayList<>();
            a.forPlugin(PLUGIN).onChangedElsewhere(heardByA::add);
            b.forPlugin(PLUGIN).onChangedElsewhere(heardByB::add);
            b.forPlugin("other").onChangedElsewhere(change -> heardByB.add(StorageChange.EVERYTHING));

            assertThatThrownBy(() -> a.forPlugin(PLUGIN).room(ROOM).transaction(tx -> {
                tx.put("mute/rolled-back", "x");
                throw new IllegalStateException("rolled back");
            })).isInstanceOf(IllegalStateException.class);
            a.forPlugin(PLUGIN).room(ROOM).delete("mute/absent");
            a.forPlugin(PLUGIN).room(ROOM).put("mute/eve", "2026-12-07T12:00:00Z");
            a.forPlugin(PLUGIN).delete("global-ban/none");
            a.forPlugin(PLUGIN).put("global-ban/eve@example.org", "permanent spam");

            await().atMost(WAIT).until(() -> heardByB.size() >= 2);
            await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> heardByB.size() == 2);
            assertThat(heardByB).containsExactly(
                    StorageChange.of(Optional.of(ROOM), "mute/eve"),
                    StorageChange.of(Optional.empty(), "global-ban/eve@example.org"));
            // A change of b's, committed after a's own, is heard by a after any report of them would have been.
            b.forPlugin(PLUGIN).room(ROOM).put("mute/marker", "from b");
            await().atMost(WAIT).until(() -> !heardByA.isEmpty());
            assertThat(heardByA).as("an instance's own changes are not reported to it")
                    .containsExactly(StorageChange.of(Optional.of(ROOM), "mute/marker"));
        }
    }

    @Test
    void anInstanceWhoseListeningConnectionDroppedListensAgainAndReadsEverythingAnew() throws SQLException {
        DatabaseConnection connection = postgres.newDatabase("dropped");
        try (Database databaseA = open(connection); Database databaseB = open(connection);
             StorageService a = StorageService.shared(databaseA); StorageService b = StorageService.shared(databaseB)) {
            List<StorageChange> heardByB = new CopyOnWriteArrayList<>();
            b.forPlugin(PLUGIN).onChangedElsewhere(heardByB::add);

            int dropped = terminateListeners(databaseA);
            assertThat(dropped).as("listening connections dropped").isEqualTo(2);
            await().atMost(WAIT).until(() -> heardByB.contains(StorageChange.EVERYTHING));

            await().atMost(WAIT).until(() -> {
                // Announced until heard: a's own listener may still be connecting again.
                a.forPlugin(PLUGIN).room(ROOM).put("mute/eve", "after");
                return heardByB.contains(StorageChange.of(Optional.of(ROOM), "mute/eve"));
            });
        }
    }

    /** Drops every connection listening for storage changes, as a database restart or a network cut does. */
    private static int terminateListeners(Database database) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))"
                     + " FROM pg_stat_activity WHERE query LIKE 'LISTEN%' AND datname = current_database()"
                     + " AND pid <> pg_backend_pid()")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static Database open(DatabaseConnection connection) {
        return Database.open(DatabaseSettings.jdbc(connection.jdbcUrl(), connection.user(), null));
    }
}
