package org.majordome.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.majordome.api.storage.StorageException;

/**
 * The table of room configuration overlays ({@code room_config_overlay}): the room keeper's durable record of
 * the temporary settings it keeps over a room's declared ones. Plain text in, plain text out; what the text
 * means is the room package's business.
 */
public final class RoomOverlayTable {

    /**
     * One overlay of one room.
     *
     * @param settings what the overlay sets
     * @param previous the room's values of those settings when it was applied
     */
    public record Row(String roomJid, String name, String settings, String previous) {
    }

    private final Database database;

    public RoomOverlayTable(Database database) {
        this.database = database;
    }

    /** The overlays of a room, oldest first. */
    public List<Row> forRoom(String roomJid) {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT overlay_name, settings, previous "
                     + "FROM room_config_overlay WHERE room_jid = ? ORDER BY applied_seq")) {
            select.setString(1, roomJid);
            List<Row> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(roomJid, result.getString(1), result.getString(2), result.getString(3)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new StorageException("cannot read the configuration overlays of " + roomJid, e);
        }
    }

    /** Stores an overlay, replacing one of the same name, and makes it the newest of its room. */
    public void put(Row row) {
        String failure = "cannot store the configuration overlay " + row.name() + " of " + row.roomJid();
        LocalTransaction.run(database, failure, connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                         "DELETE FROM room_config_overlay WHERE room_jid = ? AND overlay_name = ?");
                 PreparedStatement insert = connection.prepareStatement("INSERT INTO room_config_overlay "
                         + "(room_jid, overlay_name, settings, previous, applied_seq) VALUES (?, ?, ?, ?, "
                         + "(SELECT COALESCE(MAX(applied_seq), 0) + 1 FROM room_config_overlay))")) {
                delete.setString(1, row.roomJid());
                delete.setString(2, row.name());
                delete.executeUpdate();
                insert.setString(1, row.roomJid());
                insert.setString(2, row.name());
                insert.setString(3, row.settings());
                insert.setString(4, row.previous());
                insert.executeUpdate();
            }
        });
    }

    /** Forgets an overlay; nothing happens when there is none. */
    public void delete(String roomJid, String name) {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM room_config_overlay WHERE room_jid = ? AND overlay_name = ?")) {
            delete.setString(1, roomJid);
            delete.setString(2, name);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("cannot forget the configuration overlay " + name + " of " + roomJid, e);
        }
    }
}
