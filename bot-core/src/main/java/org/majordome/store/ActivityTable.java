package org.majordome.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.majordome.api.storage.StorageException;

/**
 * The table of per-room, per-hour activity counters ({@code room_activity}): the activity package adds what it
 * counted, the console reads the last days. Adding is an update, or an insert when the hour has no row yet, which
 * both databases do alike (no vendor upsert).
 */
public final class ActivityTable {

    /**
     * One room's counts of one hour.
     *
     * @param epochHour whole hours since 1970-01-01T00:00Z
     */
    public record Row(String roomJid, long epochHour, long messages, long actions) {
    }

    private final Database database;

    public ActivityTable(Database database) {
        this.database = database;
    }

    /** Adds counts to their hours, in one transaction. */
    public void add(List<Row> counts) {
        if (counts.isEmpty()) {
            return;
        }
        LocalTransaction.run(database, "cannot store the activity counters", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE room_activity SET "
                         + "messages = messages + ?, actions = actions + ? WHERE room_jid = ? AND epoch_hour = ?");
                 PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO room_activity (room_jid, epoch_hour, messages, actions) VALUES (?, ?, ?, ?)")) {
                for (Row row : counts) {
                    update.setLong(1, row.messages());
                    update.setLong(2, row.actions());
                    update.setString(3, row.roomJid());
                    update.setLong(4, row.epochHour());
                    if (update.executeUpdate() == 0) {
                        insert.setString(1, row.roomJid());
                        insert.setLong(2, row.epochHour());
                        insert.setLong(3, row.messages());
                        insert.setLong(4, row.actions());
                        insert.executeUpdate();
                    }
                }
            }
        });
    }

    /** Every room's counts from that hour on, oldest first. */
    public List<Row> since(long fromEpochHour) {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT room_jid, epoch_hour, messages, actions "
                     + "FROM room_activity WHERE epoch_hour >= ? ORDER BY epoch_hour, room_jid")) {
            select.setLong(1, fromEpochHour);
            List<Row> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getString(1), result.getLong(2), result.getLong(3), result.getLong(4)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new StorageException("cannot read the activity counters", e);
        }
    }
}
