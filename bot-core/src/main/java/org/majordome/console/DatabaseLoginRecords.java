package org.majordome.console;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import org.majordome.api.storage.StorageException;
import org.majordome.store.Database;

/**
 * One kind of the console's login records ({@code link} or {@code session}) in the bot's database, table
 * {@code console_login}: they hold across a restart, and every instance of a cluster sees the same ones, so that a
 * link sent by one instance logs in through another and a session follows the operator whichever instance answers.
 * The same statements run on H2 and PostgreSQL.
 */
final class DatabaseLoginRecords implements LoginRecords {

    private final Database database;
    private final String kind;

    DatabaseLoginRecords(Database database, String kind) {
        this.database = database;
        this.kind = kind;
    }

    @Override
    public void put(String hash, Entry entry) {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO console_login (token_hash, kind, jid, csrf, expires_ms) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, hash);
            insert.setString(2, kind);
            insert.setString(3, entry.jid());
            insert.setString(4, entry.csrf());
            insert.setLong(5, entry.expires().toEpochMilli());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("cannot record a console " + kind, e);
        }
    }

    @Override
    public Optional<Entry> get(String hash) {
        try (Connection connection = database.dataSource().getConnection()) {
            return read(connection, hash);
        } catch (SQLException e) {
            throw new StorageException("cannot read a console " + kind, e);
        }
    }

    @Override
    public Optional<Entry> take(String hash) {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM console_login WHERE token_hash = ? AND kind = ?")) {
            Optional<Entry> found = read(connection, hash);
            if (found.isEmpty()) {
                return found;
            }
            delete.setString(1, hash);
            delete.setString(2, kind);
            // Two instances may read the same row; only the one whose delete removed it gets it.
            return delete.executeUpdate() == 1 ? found : Optional.empty();
        } catch (SQLException e) {
            throw new StorageException("cannot use a console " + kind, e);
        }
    }

    @Override
    public int prune(Instant now, int cap) {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement expired = connection.prepareStatement(
                     "DELETE FROM console_login WHERE kind = ? AND expires_ms <= ?");
             PreparedStatement count = connection.prepareStatement(
                     "SELECT COUNT(*) FROM console_login WHERE kind = ?");
             PreparedStatement oldest = connection.prepareStatement("DELETE FROM console_login WHERE token_hash IN "
                     + "(SELECT token_hash FROM console_login WHERE kind = ? ORDER BY expires_ms LIMIT ?)")) {
            expired.setString(1, kind);
            expired.setLong(2, now.toEpochMilli());
            expired.executeUpdate();
            count.setString(1, kind);
            int stored;
            try (ResultSet result = count.executeQuery()) {
                result.next();
                stored = result.getInt(1);
            }
            if (stored <= cap) {
                return stored;
            }
            oldest.setString(1, kind);
            oldest.setInt(2, stored - cap);
            return stored - oldest.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("cannot prune the console's " + kind + "s", e);
        }
    }

    private Optional<Entry> read(Connection connection, String hash) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT jid, csrf, expires_ms FROM console_login WHERE token_hash = ? AND kind = ?")) {
            select.setString(1, hash);
            select.setString(2, kind);
            try (ResultSet result = select.executeQuery()) {
                return result.next() ? Optional.of(new Entry(result.getString(1), result.getString(2),
                        Instant.ofEpochMilli(result.getLong(3)))) : Optional.empty();
            }
        }
    }
}
