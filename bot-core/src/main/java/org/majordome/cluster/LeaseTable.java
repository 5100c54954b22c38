package org.majordome.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

/**
 * The room leases and the instances' heartbeats in PostgreSQL, each change one atomic statement: a compare-and-set
 * on the holder and the expiry, timed by the database's clock ({@code now()}), never an instance's, so that
 * instances whose clocks disagree still agree on who holds a room.
 */
final class LeaseTable {

    /** Free, expired, or already ours: then ours until now() + the lease. */
    private static final String TAKE = "INSERT INTO room_lease (room_jid, holder, expires_at)"
            + " VALUES (?, ?, now() + ? * INTERVAL '1 millisecond')"
            + " ON CONFLICT (room_jid) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at"
            + " WHERE room_lease.expires_at <= now() OR room_lease.holder = EXCLUDED.holder";
    /** Only leases that are ours and still running: an expired one may be another's already. */
    private static final String RENEW_ALL = "UPDATE room_lease SET expires_at = now() + ? * INTERVAL '1 millisecond'"
            + " WHERE holder = ? AND expires_at > now() RETURNING room_jid";
    private static final String RELEASE = "DELETE FROM room_lease WHERE room_jid = ? AND holder = ?";
    private static final String RELEASE_ALL = "DELETE FROM room_lease WHERE holder = ?";
    private static final String HEARTBEAT = "INSERT INTO cluster_instance (instance_name, alive_until)"
            + " VALUES (?, now() + ? * INTERVAL '1 millisecond')"
            + " ON CONFLICT (instance_name) DO UPDATE SET alive_until = EXCLUDED.alive_until";
    private static final String LEAVE = "DELETE FROM cluster_instance WHERE instance_name = ?";
    private static final String LIVE = "SELECT instance_name, alive_until FROM cluster_instance WHERE alive_until > now()"
            + " ORDER BY instance_name";
    private static final String LEASES = "SELECT room_jid, holder, expires_at > now(),"
            + " GREATEST(0, EXTRACT(EPOCH FROM expires_at - now()) * 1000)::bigint FROM room_lease";

    private final DataSource dataSource;
    private final String instance;
    private final int timeoutSeconds;

    /**
     * @param instance this instance's name, the holder on its leases
     * @param timeout  how long one statement may take: a database that does not answer must not hold the caller
     *                 past its lease
     */
    LeaseTable(DataSource dataSource, String instance, Duration timeout) {
        this.dataSource = dataSource;
        this.instance = instance;
        this.timeoutSeconds = (int) Math.max(1, timeout.toSeconds());
    }

    /** This instance is alive for {@code aliveFor} more. */
    void heartbeat(Duration aliveFor) throws SQLException {
        update(HEARTBEAT, statement -> {
            statement.setString(1, instance);
            statement.setLong(2, aliveFor.toMillis());
        });
    }

    /** The instances whose heartbeat has not run out, by name, each with the end of its heartbeat. */
    Map<String, Instant> liveInstances() throws SQLException {
        Map<String, Instant> live = new LinkedHashMap<>();
        query(LIVE, statement -> { }, row -> live.put(row.getString(1),
                row.getObject(2, OffsetDateTime.class).toInstant()));
        return live;
    }

    /** Takes a room's lease if it is free or expired (or renews it if it is ours): whether this instance holds it. */
    boolean take(String room, Duration lease) throws SQLException {
        return update(TAKE, statement -> {
            statement.setString(1, room);
            statement.setString(2, instance);
            statement.setLong(3, lease.toMillis());
        }) == 1;
    }

    /** Renews every running lease of this instance, in one statement: the rooms whose lease was renewed. */
    Set<String> renewAll(Duration lease) throws SQLException {
        Set<String> renewed = new LinkedHashSet<>();
        query(RENEW_ALL, statement -> {
            statement.setLong(1, lease.toMillis());
            statement.setString(2, instance);
        }, row -> renewed.add(row.getString(1)));
        return renewed;
    }

    /** Gives a room up at once (if this instance holds it), so that another instance may take it. */
    void release(String room) throws SQLException {
        update(RELEASE, statement -> {
            statement.setString(1, room);
            statement.setString(2, instance);
        });
    }

    /** Gives every room up and leaves the live instances: this instance stops. */
    void leave() throws SQLException {
        update(RELEASE_ALL, statement -> statement.setString(1, instance));
        update(LEAVE, statement -> statement.setString(1, instance));
    }

    /** Every lease, by room: its holder and whether it is still running. */
    Map<String, Lease> leases() throws SQLException {
        Map<String, Lease> leases = new LinkedHashMap<>();
        query(LEASES, statement -> { }, row -> leases.put(row.getString(1), new Lease(row.getString(2), row.getBoolean(3),
                row.getLong(4))));
        return leases;
    }

    /**
     * A room's lease as the database has it.
     *
     * @param remainingMillis how long it still runs, by the database's clock, when it was read (0 once run out)
     */
    record Lease(String holder, boolean running, long remainingMillis) {

        /** A lease whose remaining time does not matter (a running one never runs out). */
        Lease(String holder, boolean running) {
            this(holder, running, running ? Long.MAX_VALUE : 0);
        }
    }

    private int update(String sql, Binder binder) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setQueryTimeout(timeoutSeconds);
            binder.bind(statement);
            return statement.executeUpdate();
        }
    }

    private void query(String sql, Binder binder, RowReader reader) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setQueryTimeout(timeoutSeconds);
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }
}
