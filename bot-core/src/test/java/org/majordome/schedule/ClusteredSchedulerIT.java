package org.majordome.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

/**
 * Quartz's clustered JDBC job store on a real PostgreSQL, as instances of a cluster run it: two persistent
 * schedulers (instances "a" and "b", one job store) each have the handler of a plugin's persistent jobs; every job
 * fires exactly once in the cluster, on one instance or the other, and a job stored by one instance fires even once
 * that instance has stopped.
 */
class ClusteredSchedulerIT {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    private static final String PLUGIN = "reminders";
    private static final String KIND = "remind";

    @Test
    void eachPersistentJobFiresOnceAcrossTwoInstances() {
        DatabaseConnection connection = postgres.newDatabase("quartz");
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        Map<String, String> firedOn = new ConcurrentHashMap<>();
        try (Database databaseA = open(connection); Database databaseB = open(connection);
             SchedulerService a = start(databaseA, "a"); SchedulerService b = start(databaseB, "b")) {
            handle(a, "a", runs, firedOn);
            handle(b, "b", runs, firedOn);
            Instant due = Instant.now().plusSeconds(3);
            List<String> jobs = IntStream.rangeClosed(1, 10).mapToObj(i -> "job-" + i).toList();
            jobs.forEach(job -> a.forPlugin(PLUGIN).room("room@muc.localhost").schedulePersistent(KIND, job, due, job));

            await().atMost(Duration.ofSeconds(60)).until(() -> runs.keySet().containsAll(jobs));
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30))
                    .until(() -> runs.values().stream().allMatch(count -> count.get() == 1));
            assertThat(runs).hasSize(10).allSatisfy((job, count) -> assertThat(count).as(job).hasValue(1));
        }
    }

    @Test
    void aJobStoredByAnInstanceThatStoppedFiresOnTheOther() {
        DatabaseConnection connection = postgres.newDatabase("handover");
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        Map<String, String> firedOn = new ConcurrentHashMap<>();
        try (Database databaseB = open(connection); SchedulerService b = start(databaseB, "b")) {
            handle(b, "b", runs, firedOn);
            try (Database databaseA = open(connection); SchedulerService a = start(databaseA, "a")) {
                a.forPlugin(PLUGIN).schedulePersistent(KIND, "later", Instant.now().plusSeconds(4), "later");
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> runs.containsKey("later"));
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30))
                    .until(() -> runs.get("later").get() == 1);
            assertThat(firedOn).containsEntry("later", "b");
        }
    }

    private static void handle(SchedulerService scheduler, String instance, Map<String, AtomicInteger> runs,
                               Map<String, String> firedOn) {
        scheduler.forPlugin(PLUGIN).onPersistentJob(KIND, (payload, firing) -> {
            runs.computeIfAbsent(payload, job -> new AtomicInteger()).incrementAndGet();
            firedOn.put(payload, instance);
        });
    }

    private static Database open(DatabaseConnection connection) {
        return Database.open(DatabaseSettings.jdbc(connection.jdbcUrl(), connection.user(), null));
    }

    private static SchedulerService start(Database database, String instance) {
        return SchedulerService.start(database, SchedulerSettings.defaults().clustered(instance), Clock.systemUTC());
    }
}
