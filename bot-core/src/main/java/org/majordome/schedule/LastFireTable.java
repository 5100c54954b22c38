package org.majordome.schedule;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import org.majordome.api.storage.StorageException;

/** When each catch-up cron job last ran, so that a restart can tell whether a run was missed. */
final class LastFireTable {

    private final DataSource dataSource;

    LastFireTable(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Optional<Instant> lastFire(String group, String name) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT last_fired_ms FROM schedule_last_fire WHERE job_group = ? AND job_name = ?")) {
            select.setString(1, group);
            select.setString(2, name);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(Instant.ofEpochMilli(row.getLong(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StorageException("reading the last run of job " + group + "/" + name + " failed", e);
        }
    }

    /** One bot process per database and one thread per job, so UPDATE-then-INSERT does not race. */
    void record(String group, String name, Instant firedAt) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE schedule_last_fire SET last_fired_ms = ? WHERE job_group = ? AND job_name = ?")) {
                update.setLong(1, firedAt.toEpochMilli());
                update.setString(2, group);
                update.setString(3, name);
                if (update.executeUpdate() > 0) {
                    return;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO schedule_last_fire (job_group, job_name, last_fired_ms) VALUES (?, ?, ?)")) {
                insert.setString(1, group);
                insert.setString(2, name);
                insert.setLong(3, firedAt.toEpochMilli());
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new StorageException("recording the last run of job " + group + "/" + name + " failed", e);
        }
    }

    void forget(String group, String name) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM schedule_last_fire WHERE job_group = ? AND job_name = ?")) {
            delete.setString(1, group);
            delete.setString(2, name);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("forgetting the last run of job " + group + "/" + name + " failed", e);
        }
    }
}
