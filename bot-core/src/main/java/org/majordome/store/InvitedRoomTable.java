package org.majordome.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.majordome.api.storage.StorageException;

/**
 * The table of rooms the bot was invited to ({@code invited_room}), so that it joins them again after a restart.
 * Plain text in, plain text out; the room package decides what goes in.
 */
public final class InvitedRoomTable {

    private final Database database;

    public InvitedRoomTable(Database database) {
        this.database = database;
    }

    /** The stored rooms' bare JIDs, in the order they were stored. */
    public List<String> rooms() {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT room_jid FROM invited_room ORDER BY invited_at, room_jid");
             ResultSet result = select.executeQuery()) {
            List<String> rooms = new ArrayList<>();
            while (result.next()) {
                rooms.add(result.getString(1));
            }
            return rooms;
        } catch (SQLException e) {
            throw new StorageException("cannot read the rooms the bot was invited to", e);
        }
    }

    /** Stores a room, replacing what was stored for it. */
    public void put(String roomJid, String invitedBy, Instant at) {
        // Delete then insert, not MERGE: the same statements on H2 and PostgreSQL.
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM invited_room WHERE room_jid = ?");
                 PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO invited_room (room_jid, invited_by, invited_at) VALUES (?, ?, ?)")) {
                delete.setString(1, roomJid);
                delete.executeUpdate();
                insert.setString(1, roomJid);
                insert.setString(2, invitedBy);
                insert.setTimestamp(3, Timestamp.from(at));
                insert.executeUpdate();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StorageException("cannot store the invited room " + roomJid, e);
        }
    }

    /** Forgets a room (left by an administrator's command); nothing happens when it is not stored. */
    public void delete(String roomJid) {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM invited_room WHERE room_jid = ?")) {
            delete.setString(1, roomJid);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("cannot forget the invited room " + roomJid, e);
        }
    }

    /** Forgets every room (the configuration no longer keeps invited rooms across restarts). */
    public void clear() {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM invited_room")) {
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("cannot forget the invited rooms", e);
        }
    }
}
