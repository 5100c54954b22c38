package org.majordome.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.majordome.api.storage.PluginStorage;
import org.majordome.config.DatabaseConnection;
import org.majordome.testing.PostgresExtension;

/**
 * The bot's connections to PostgreSQL come from a small pool (issue "several instances"). Was: no pool on PostgreSQL,
 * so every storage write, lease renewal and hand-over poll opened a connection of its own (a TCP connection, a login
 * and a new backend process each time). The listening connection of a cluster's storage stays outside the pool.
 */
class PostgresConnectionPoolIT {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    private static final int POOL = 4;
    private static final String ROOM = "room@muc.localhost";

    @Test
    void storageWritesOnPostgreSqlNoLongerOpenAConnectionEach() throws SQLException {
        DatabaseConnection connection = postgres.newDatabase("pooled");
        try (Database database = open(connection)) {
            // Each row written records the backend process that wrote it: one per connection.
            execute(connection, "CREATE TABLE writer_backend (pid integer NOT NULL)",
                    "CREATE FUNCTION note_writer() RETURNS trigger LANGUAGE plpgsql AS"
                            + " $$ BEGIN INSERT INTO writer_backend VALUES (pg_backend_pid()); RETURN NEW; END $$",
                    "CREATE TRIGGER note_writer AFTER INSERT OR UPDATE ON plugin_entry FOR EACH ROW"
                            + " EXECUTE FUNCTION note_writer()");
            PluginStorage storage = new StorageService(database).forPlugin("karma");
            int writes = 40;
            for (int i = 0; i < writes; i++) {
                storage.room(ROOM).put("karma/eve", Integer.toString(i));
            }

            List<Integer> writers = integers(connection, "SELECT pid FROM writer_backend");
            assertThat(writers).hasSize(writes);
            assertThat(new HashSet<>(writers)).as("backend processes that wrote").hasSizeLessThanOrEqualTo(POOL);
        }
    }

    @Test
    void theListeningConnectionOfASharedStorageIsNotTakenFromThePool() throws SQLException {
        DatabaseConnection connection = postgres.newDatabase("listening");
        try (Database database = Database.open(settings(connection).withMaxConnections(2));
             StorageService shared = StorageService.shared(database)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !listeners(connection).isEmpty());
            Set<Integer> listening = new HashSet<>(listeners(connection));

            // Every pooled connection at once: none is the listener, and none waits for it.
            List<Connection> borrowed = new ArrayList<>();
            try {
                Set<Integer> pooled = new HashSet<>();
                for (int i = 0; i < 2; i++) {
                    Connection pooledConnection = database.dataSource().getConnection();
                    borrowed.add(pooledConnection);
                    try (Statement statement = pooledConnection.createStatement();
                         ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
                        row.next();
                        pooled.add(row.getInt(1));
                    }
                }
                assertThat(pooled).hasSize(2).doesNotContainAnyElementsOf(listening);
            } finally {
                for (Connection open : borrowed) {
                    open.close();
                }
            }
        }
    }

    @Test
    void closingTheDatabaseClosesItsPooledConnections() throws SQLException {
        DatabaseConnection connection = postgres.newDatabase("closed");
        Database database = open(connection);
        new StorageService(database).forPlugin("karma").put("karma/eve", "1");
        assertThat(backends(connection)).isPositive();

        database.close();

        await().atMost(Duration.ofSeconds(30)).until(() -> backends(connection) == 0);
    }

    private static Database open(DatabaseConnection connection) {
        return Database.open(settings(connection).withMaxConnections(POOL));
    }

    private static DatabaseSettings settings(DatabaseConnection connection) {
        return DatabaseSettings.jdbc(connection.jdbcUrl(), connection.user(), null);
    }

    private static List<Integer> listeners(DatabaseConnection connection) throws SQLException {
        return integers(connection, "SELECT pid FROM pg_stat_activity WHERE query LIKE 'LISTEN%'"
                + " AND datname = current_database() AND pid <> pg_backend_pid()");
    }

    /** The other sessions on the test's database. */
    private static int backends(DatabaseConnection connection) throws SQLException {
        return integers(connection, "SELECT count(*)::integer FROM pg_stat_activity"
                + " WHERE datname = current_database() AND pid <> pg_backend_pid()").getFirst();
    }

    /** On a connection of the test's own, outside the bot's pool. */
    private static List<Integer> integers(DatabaseConnection connection, String sql) throws SQLException {
        List<Integer> found = new ArrayList<>();
        try (Connection own = DriverManager.getConnection(connection.jdbcUrl(), connection.user(), "");
             Statement statement = own.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                found.add(rows.getInt(1));
            }
        }
        return found;
    }

    private static void execute(DatabaseConnection connection, String... statements) throws SQLException {
        try (Connection own = DriverManager.getConnection(connection.jdbcUrl(), connection.user(), "");
             Statement statement = own.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
