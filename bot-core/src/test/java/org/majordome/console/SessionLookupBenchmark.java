package org.majordome.console;

import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.majordome.store.Database;
import org.majordome.store.DatabaseSettings;
import org.majordome.testing.PostgresServer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What finding an operator's session costs each console request, now that sessions are kept in the bot's database:
 * {@code memory} (as before), {@code h2} (the single instance's embedded database) and {@code postgres} (a cluster's,
 * a throwaway server on loopback), each holding {@code sessions} sessions. Run with
 * {@code mvn -B -o -pl bot-core -Pbench verify -Dbench=SessionLookupBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SessionLookupBenchmark {

    @Param({"memory", "h2", "postgres"})
    public String store;

    @Param({"1000"})
    public int sessions;

    private PostgresServer postgres;
    private Database database;
    private Sessions kept;
    private String cookie;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        LoginRecords records = switch (store) {
            case "memory" -> LoginRecords.inMemory();
            case "h2" -> {
                database = Database.open(DatabaseSettings.embedded(Files.createTempDirectory("session-bench")));
                yield LoginStore.in(database).sessions;
            }
            case "postgres" -> {
                postgres = PostgresServer.start();
                database = Database.open(DatabaseSettings.jdbc(postgres.jdbcUrl(postgres.createDatabase("sessions")),
                        PostgresServer.USER, null));
                yield LoginStore.in(database).sessions;
            }
            default -> throw new IllegalArgumentException("store: memory, h2 or postgres, not " + store);
        };
        kept = new Sessions(new Tokens(new SecureRandom()), Clock.systemUTC(), Duration.ofHours(8), records);
        for (int i = 0; i < sessions; i++) {
            cookie = kept.start("operator" + i + "@example.org").cookie();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (database != null) {
            database.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Benchmark
    public Object findTheSession() {
        return kept.find(cookie).orElseThrow();
    }
}
