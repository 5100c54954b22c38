package org.majordome.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.majordome.api.storage.PluginStorage;
import org.majordome.api.storage.StorageException;
import org.majordome.config.DatabaseConnection;
import org.majordome.testing.PostgresExtension;

/**
 * Storage writes done on behalf of a room's job are fenced by the room's lease, on a real PostgreSQL (issue "several
 * instances"). Was: an instance frozen (SIGSTOP) in the middle of a room's job finished it when resumed, and its
 * storage writes landed although another instance had taken the room over (and carried the same job out) meanwhile;
 * only its room actions were fenced.
 */
class LeaseFenceIT {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    private static final String ROOM = "Lobby@muc.localhost";
    private static final String PLUGIN = "reminders";

    @Test
    void aFrozenInstanceResumedAfterItsRoomWasTakenOverWritesNothingForTheRoomsJob() throws SQLException {
        DatabaseConnection connection = postgres.newDatabase("taken");
        try (Database database = open(connection)) {
            lease(connection, ROOM.toLowerCase(), "b", 30_000);   // b took the room over while a was frozen
            PluginStorage storage = new StorageService(database).forPlugin(PLUGIN);

            try (LeaseFence.Scope scope = LeaseFence.enter("a", ROOM)) {
                assertThatThrownBy(() -> storage.room(ROOM).transaction(tx -> {
                    tx.put("sent/job-1", "yes");
                    tx.increment("count", 1);
                })).isInstanceOf(StorageException.class).hasMessageContaining("no longer holds the lease");
                assertThatThrownBy(() -> storage.put("last-run", "job-1")).isInstanceOf(StorageException.class);
                assertThat(scope.refused()).isTrue();
            }

            assertThat(storage.room(ROOM).get("sent/job-1")).isEmpty();
            assertThat(storage.room(ROOM).get("count")).isEmpty();
            assertThat(storage.get("last-run")).isEmpty();
        }
    }

    @Test
    void aWriteForTheRoomsJobIsRefusedOnceTheLeaseRanOutEvenIfNobodyTookItYet() throws SQLException {
        DatabaseConnection connection = postgres.newDatabase("expired");
        try (Database database = open(connection)) {
            lease(connection, ROOM, "a", -1_000);
            PluginStorage storage = new StorageService(database).forPlugin(PLUGIN);

            try (LeaseFence.Scope scope = LeaseFence.enter("a", ROOM)) {
                assertThatThrownBy(() -> storage.room(ROOM).put("sent/job-1", "yes"))
                        .isInstanceOf(StorageException.class);
            }
            assertThat(storage.room(ROOM).get("sent/job-1")).isEmpty();
        }
    }

    @Test
    void theHoldersWritesForTheRoomsJobAndEveryWriteOutsideAJobCommit() throws SQLException {
        DatabaseConnection connection = postgres.newDatabase("held");
        try (Database database = open(connection)) {
            lease(connection, ROOM.toLowerCase(), "a", 30_000);
            PluginStorage storage = new StorageService(database).forPlugin(PLUGIN);

            try (LeaseFence.Scope scope = LeaseFence.enter("a", ROOM)) {
                storage.room(ROOM).put("sent/job-1", "yes");
                assertThat(storage.room(ROOM).increment("count", 1)).isEqualTo(1);
                assertThat(scope.refused()).isFalse();
            }
            // Outside a room's job (e.g. another instance's command): no lease asked.
            storage.room("other@muc.localhost").put("note", "free");

            assertThat(storage.room(ROOM).get("sent/job-1")).contains("yes");
            assertThat(storage.room("other@muc.localhost").get("note")).contains("free");
        }
    }

    private static void lease(DatabaseConnection connection, String room, String holder, long expiresInMillis)
            throws SQLException {
        try (Connection own = DriverManager.getConnection(connection.jdbcUrl(), connection.user(), "");
             PreparedStatement insert = own.prepareStatement("INSERT INTO room_lease (room_jid, holder, expires_at)"
                     + " VALUES (?, ?, now() + ? * INTERVAL '1 millisecond')")) {
            insert.setString(1, room);
            insert.setString(2, holder);
            insert.setLong(3, expiresInMillis);
            insert.executeUpdate();
        }
    }

    private static Database open(DatabaseConnection connection) {
        return Database.open(DatabaseSettings.jdbc(connection.jdbcUrl(), connection.user(), null));
    }
}
