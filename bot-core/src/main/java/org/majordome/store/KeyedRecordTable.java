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
 * A table of keys, each recorded with who put it there and when ({@code key, by, at} columns): the shape of the
 * invited rooms and of the disabled plugins. Written the same on H2 and PostgreSQL (delete then insert, not MERGE).
 */
final class KeyedRecordTable {

    private final Database database;
    private final String table;
    private final String keyColumn;
    private final String insert;
    private final String orderBy;

    /**
     * @param table    the table's name
     * @param key      the key's column
     * @param by       the column of who put the key there
     * @param at       the column of when
     * @param orderBy  the order {@link #keys} reads them in ({@code ORDER BY} clause)
     */
    KeyedRecordTable(Database database, String table, String key, String by, String at, String orderBy) {
        this.database = database;
        this.table = table;
        this.keyColumn = key;
        this.insert = "INSERT INTO " + table + " (" + key + ", " + by + ", " + at + ") VALUES (?, ?, ?)";
        this.orderBy = orderBy;
    }

    /** The stored keys, in {@code orderBy}'s order; {@code what} names them in the failure. */
    List<String> keys(String what) {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT " + keyColumn + " FROM " + table + " ORDER BY " + orderBy);
             ResultSet result = select.executeQuery()) {
            List<String> keys = new ArrayList<>();
            while (result.next()) {
                keys.add(result.getString(1));
            }
            return keys;
        } catch (SQLException e) {
            throw new StorageException("cannot read " + what, e);
        }
    }

    /** Stores a key, replacing what was stored for it; {@code failure} is the message if it cannot. */
    void put(String key, String by, Instant at, String failure) {
        LocalTransaction.run(database, failure, connection -> {
            try (PreparedStatement delete = connection.prepareStatement(deleteOne());
                 PreparedStatement add = connection.prepareStatement(insert)) {
                delete.setString(1, key);
                delete.executeUpdate();
                add.setString(1, key);
                add.setString(2, by);
                add.setTimestamp(3, Timestamp.from(at));
                add.executeUpdate();
            }
        });
    }

    /** Forgets a key; nothing happens when it is not stored. */
    void delete(String key, String failure) {
        update(deleteOne(), key, failure);
    }

    /** Forgets every key. */
    void clear(String failure) {
        update("DELETE FROM " + table, null, failure);
    }

    private String deleteOne() {
        return "DELETE FROM " + table + " WHERE " + keyColumn + " = ?";
    }

    private void update(String sql, String key, String failure) {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            if (key != null) {
                statement.setString(1, key);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException(failure, e);
        }
    }
}
