package org.majordome.schedule;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.majordome.api.schedule.SchedulingException;
import org.quartz.JobKey;

/**
 * The persistent jobs handed over to the instance holding their room ({@code cluster_handoff}, PostgreSQL only: used
 * in a cluster). Each change is one statement; a claim is a compare-and-set, so that one instance alone carries a
 * handed-over job out. A claim is stale, and may be taken over, when its instance's heartbeat ran out
 * ({@code cluster_instance}) or when it was made by an earlier run of the claiming instance.
 */
final class HandoffTable {

    /** A claim nobody carries out any more: its instance is dead, or it is this instance's from an earlier run. */
    private static final String STALE = "(claimed_by IS NULL OR (claimed_by = ? AND claim_session <> ?)"
            + " OR claimed_by NOT IN (SELECT instance_name FROM cluster_instance WHERE alive_until > now()))";
    private static final String HAND_OVER = "INSERT INTO cluster_handoff (job_group, job_name, token, room_jid, handed_by)"
            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (job_group, job_name) DO UPDATE SET token = EXCLUDED.token,"
            + " room_jid = EXCLUDED.room_jid, handed_by = EXCLUDED.handed_by, claimed_by = NULL, claim_session = NULL"
            + " WHERE cluster_handoff.token <> EXCLUDED.token";
    private static final String FIND = "SELECT token, " + STALE + " FROM cluster_handoff"
            + " WHERE job_group = ? AND job_name = ?";
    private static final String CLAIMABLE = "SELECT job_group, job_name, token, room_jid FROM cluster_handoff WHERE "
            + STALE + " ORDER BY job_group, job_name";
    private static final String CLAIM = "UPDATE cluster_handoff SET claimed_by = ?, claim_session = ?"
            + " WHERE job_group = ? AND job_name = ? AND token = ? AND " + STALE;
    private static final String DONE = "DELETE FROM cluster_handoff WHERE job_group = ? AND job_name = ? AND token = ?";

    /** A handed-over job: its key, the scheduling it belongs to ({@link PersistentJob#TOKEN}) and its room. */
    record Handoff(JobKey key, String token, String room) { }

    /** What the table says of one job: the scheduling handed over, and whether anyone may claim it now. */
    record State(String token, boolean claimable) { }

    private final DataSource dataSource;
    private final String instance;
    /** This run of the instance: a restart under the same name takes its own earlier claims over. */
    private final String session;

    HandoffTable(DataSource dataSource, String instance, String session) {
        this.dataSource = dataSource;
        this.instance = instance;
        this.session = session;
    }

    /** This instance's name in the cluster. */
    String instance() {
        return instance;
    }

    /** Hands a job over to its room's holder; a row for the same scheduling is kept as it is (maybe claimed). */
    void handOver(JobKey key, String token, String room) {
        update("handing job " + key + " over", HAND_OVER, key.getGroup(), key.getName(), token, room, instance);
    }

    Optional<State> find(JobKey key) {
        List<State> found = new ArrayList<>();
        query("reading the hand-over of job " + key, FIND, row -> found.add(new State(row.getString(1), row.getBoolean(2))),
                instance, session, key.getGroup(), key.getName());
        return found.stream().findFirst();
    }

    /** The handed-over jobs nobody carries out now, whatever their room. */
    List<Handoff> claimable() {
        List<Handoff> found = new ArrayList<>();
        query("listing the handed-over jobs", CLAIMABLE, row -> found.add(new Handoff(
                new JobKey(row.getString(2), row.getString(1)), row.getString(3), row.getString(4))), instance, session);
        return found;
    }

    /** Claims a handed-over job for this instance: whether it got it (then it alone carries it out). */
    boolean claim(JobKey key, String token) {
        return update("claiming job " + key, CLAIM, instance, session, key.getGroup(), key.getName(), token,
                instance, session) == 1;
    }

    /** The job ran (or is gone): its hand-over is over. */
    void done(JobKey key, String token) {
        update("ending the hand-over of job " + key, DONE, key.getGroup(), key.getName(), token);
    }

    private int update(String what, String sql, String... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new SchedulingException(what + " failed: " + e.getMessage(), e);
        }
    }

    private void query(String what, String sql, RowReader reader, String... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                reader.read(rows);
            }
        } catch (SQLException e) {
            throw new SchedulingException(what + " failed: " + e.getMessage(), e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, String... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setString(i + 1, parameters[i]);
        }
        return statement;
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }
}
