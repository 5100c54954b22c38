package org.majordome.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.majordome.api.storage.StorageException;
import org.majordome.api.storage.StorageOperations;

/**
 * The SQL of one namespace: a plugin, and a room or {@link #PLUGIN_WIDE}. Every statement is bound to
 * both, so one namespace cannot reach another's rows.
 */
record Namespace(String pluginId, String roomJid) {

    /** The room column of plugin-wide entries (the column is part of the primary key, so not NULL). */
    static final String PLUGIN_WIDE = "";

    @Override
    public String toString() {
        return roomJid.isEmpty() ? "plugin " + pluginId : "plugin " + pluginId + " in room " + roomJid;
    }

    /**
     * The key of this namespace's PostgreSQL advisory lock (see {@link TransactionRunner}): 64-bit FNV-1a of the
     * plugin and the room. Two namespaces sharing a key merely wait for each other.
     */
    long lockKey() {
        long hash = 0xcbf29ce484222325L;
        for (char c : (pluginId + '\0' + roomJid).toCharArray()) {
            hash ^= c;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    Optional<String> get(Connection connection, String key) throws SQLException {
        checkKey(key);
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT entry_value FROM plugin_entry WHERE plugin_id = ? AND room_jid = ? AND entry_key = ?")) {
            bind(select, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    void put(Connection connection, String key, String value) throws SQLException {
        checkKey(key);
        checkValue(key, value);
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE plugin_entry SET entry_value = ? WHERE plugin_id = ? AND room_jid = ? AND entry_key = ?")) {
            update.setString(1, value);
            update.setString(2, pluginId);
            update.setString(3, roomJid);
            update.setString(4, key);
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO plugin_entry (plugin_id, room_jid, entry_key, entry_value) VALUES (?, ?, ?, ?)")) {
            bind(insert, key);
            insert.setString(4, value);
            insert.executeUpdate();
        }
    }

    boolean delete(Connection connection, String key) throws SQLException {
        checkKey(key);
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM plugin_entry WHERE plugin_id = ? AND room_jid = ? AND entry_key = ?")) {
            bind(delete, key);
            return delete.executeUpdate() > 0;
        }
    }

    /** Sorted here rather than by the database, whose collation may differ (PostgreSQL's follows the locale). */
    SortedMap<String, String> entries(Connection connection, String prefix) throws SQLException {
        if (prefix == null) {
            throw new NullPointerException("prefix");
        }
        SortedMap<String, String> entries = new TreeMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT entry_key, entry_value FROM plugin_entry"
                        + " WHERE plugin_id = ? AND room_jid = ? AND entry_key LIKE ? ESCAPE '!'")) {
            bind(select, likePrefix(prefix));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return entries;
    }

    long increment(Connection connection, String key, long delta) throws SQLException {
        long current = get(connection, key).map(text -> parseCounter(key, text)).orElse(0L);
        long next;
        try {
            next = Math.addExact(current, delta);
        } catch (ArithmeticException e) {
            throw new StorageException("counter '" + key + "' of " + this + " would overflow: " + current + " + "
                    + delta, e);
        }
        put(connection, key, Long.toString(next));
        return next;
    }

    long nextSequence(Connection connection, String name) throws SQLException {
        checkKey(name);
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE plugin_sequence SET last_value = last_value + 1"
                        + " WHERE plugin_id = ? AND room_jid = ? AND sequence_name = ?")) {
            bind(update, name);
            if (update.executeUpdate() == 0) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO plugin_sequence (plugin_id, room_jid, sequence_name, last_value)"
                                + " VALUES (?, ?, ?, 1)")) {
                    bind(insert, name);
                    insert.executeUpdate();
                    return 1;
                }
            }
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT last_value FROM plugin_sequence WHERE plugin_id = ? AND room_jid = ? AND sequence_name = ?")) {
            bind(select, name);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private void bind(PreparedStatement statement, String key) throws SQLException {
        statement.setString(1, pluginId);
        statement.setString(2, roomJid);
        statement.setString(3, key);
    }

    private long parseCounter(String key, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new StorageException("entry '" + key + "' of " + this + " is not a counter: '" + text + "'", e);
        }
    }

    private static String likePrefix(String prefix) {
        return prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    private static void checkKey(String key) {
        if (key == null) {
            throw new NullPointerException("key");
        }
        if (key.isEmpty() || key.length() > StorageOperations.MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("a key must have 1 to " + StorageOperations.MAX_KEY_LENGTH
                    + " characters, was " + key.length() + ": '" + abbreviate(key) + "'");
        }
    }

    private static void checkValue(String key, String value) {
        if (value == null) {
            throw new NullPointerException("value of '" + key + "' (use delete to remove an entry)");
        }
        if (value.length() > StorageOperations.MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("the value of '" + key + "' has " + value.length()
                    + " characters, more than " + StorageOperations.MAX_VALUE_LENGTH);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
