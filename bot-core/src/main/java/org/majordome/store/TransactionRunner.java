package org.majordome.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import org.majordome.api.storage.StorageException;

/**
 * Runs storage work on a connection: writes and explicit transactions one at a time (a fair lock held from
 * begin to commit), reads without waiting.
 *
 * <p>Why one writer at a time: it makes "read, then write" inside a plugin's transaction safe without
 * SELECT ... FOR UPDATE or retry loops (a lost karma point is the classic bug), and lets every upsert be a
 * portable UPDATE-then-INSERT. The bot writes a few rows a second, so nothing is lost in throughput.
 *
 * <p>Several processes may share a PostgreSQL database (a cluster): there the in-process lock does not reach the
 * other instances, so every write transaction also takes a PostgreSQL advisory lock per namespace it touches
 * ({@code pg_advisory_xact_lock}, released by the commit or rollback), which makes read-modify-write safe across the
 * instances too. Two transactions that each hold one namespace and join another in the opposite order would wait
 * for each other: PostgreSQL detects it and fails one of them. H2's file lock keeps the embedded database to one
 * process, where the in-process lock is enough.
 *
 * <p>A write done on behalf of a room's job in a cluster ({@link LeaseFence}) also checks, just before its commit, that
 * this instance still holds the room's lease, and is rolled back if not.
 *
 * <p>In a cluster each committed change is announced to the other instances ({@link StorageChanges}): the
 * announcements are sent in the writing transaction, just before its commit, and PostgreSQL delivers them only if
 * it commits.
 */
final class TransactionRunner {

    /** Work done on a connection. */
    @FunctionalInterface
    interface ConnectionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** The channel instances announce their changes on. */
    static final String CHANNEL = "majordome_storage";
    private static final String LOCK = "SELECT pg_advisory_xact_lock(?)";
    /**
     * This instance still holds the room's running lease ({@link LeaseFence}); the row stays locked until the commit, and
     * should the process freeze before the commit, PostgreSQL ends the session (and with it the lock and the
     * transaction) after {@link #FENCED_IDLE}, so that a takeover is never held up for longer.
     */
    private static final String LEASE_HELD = "SELECT set_config('idle_in_transaction_session_timeout', ?, true)"
            + " FROM room_lease WHERE lower(room_jid) = lower(?) AND holder = ? AND expires_at > now() FOR SHARE";
    static final Duration FENCED_IDLE = Duration.ofSeconds(5);
    private static final String ANNOUNCE = "SELECT pg_notify('" + CHANNEL + "', notice) FROM unnest(?::text[]) AS notice";

    /** The open transaction of a thread: its connection, the namespaces it locked and the changes it announces. */
    private record Current(Connection connection, Set<Namespace> locked, Set<String> notices) { }

    private final DataSource dataSource;
    private final Duration lockTimeout;
    private final boolean postgreSql;
    private final StorageChanges changes;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final ThreadLocal<Current> currentTransaction = new ThreadLocal<>();

    TransactionRunner(DataSource dataSource, Duration lockTimeout, boolean postgreSql, StorageChanges changes) {
        this.dataSource = dataSource;
        this.lockTimeout = lockTimeout;
        this.postgreSql = postgreSql;
        this.changes = changes;
    }

    StorageChanges changes() {
        return changes;
    }

    /** Reads inside the current transaction, if this thread has one, else on a connection of its own. */
    <T> T read(String what, ConnectionWork<T> work) {
        Current joined = currentTransaction.get();
        try {
            if (joined != null) {
                return work.run(joined.connection());
            }
            try (Connection connection = dataSource.getConnection()) {
                return work.run(connection);
            }
        } catch (SQLException e) {
            throw new StorageException(what + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code work} on {@code namespace} in a transaction and commits it; joins the current one if this thread
     * has one (then the outer transaction commits or rolls back everything).
     */
    <T> T inTransaction(Namespace namespace, String what, ConnectionWork<T> work) {
        Current joined = currentTransaction.get();
        if (joined != null) {
            try {
                lock(joined, namespace);
                return work.run(joined.connection());
            } catch (SQLException e) {
                throw new StorageException(what + " failed: " + e.getMessage(), e);
            }
        }
        acquireWriteLock(what);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            Current current = new Current(connection, new HashSet<>(), new LinkedHashSet<>());
            currentTransaction.set(current);
            try {
                lock(current, namespace);
                T result = work.run(connection);
                checkLease(connection, what);
                announce(current);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollback(connection, e);
                if (e instanceof SQLException sqlException) {
                    throw new StorageException(what + " failed: " + e.getMessage(), sqlException);
                }
                throw e;
            } finally {
                currentTransaction.remove();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StorageException(what + " failed: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    /** An entry of {@code namespace} was written or deleted in this thread's transaction: tell the others once it commits. */
    void changed(Namespace namespace, String key) {
        Current current = currentTransaction.get();
        if (current != null && changes.announces()) {
            current.notices().add(new ChangeNotice(changes.origin(), namespace.pluginId(), namespace.roomJid(), key)
                    .encode());
        }
    }

    /** Serialises this namespace's transactions across the instances sharing a PostgreSQL database. */
    private void lock(Current current, Namespace namespace) throws SQLException {
        if (!postgreSql || !current.locked().add(namespace)) {
            return;
        }
        try (PreparedStatement lock = current.connection().prepareStatement(LOCK)) {
            lock.setQueryTimeout((int) Math.max(1, lockTimeout.toSeconds()));
            lock.setLong(1, namespace.lockKey());
            lock.execute();
        }
    }

    /** A write done on behalf of a room's job commits only while this instance holds the room's lease. */
    private void checkLease(Connection connection, String what) throws SQLException {
        if (!postgreSql || LeaseFence.current().isEmpty()) {
            return;
        }
        LeaseFence.Scope scope = LeaseFence.current().get();
        try (PreparedStatement check = connection.prepareStatement(LEASE_HELD)) {
            check.setQueryTimeout((int) Math.max(1, lockTimeout.toSeconds()));
            check.setString(1, Long.toString(FENCED_IDLE.toMillis()));
            check.setString(2, scope.room());
            check.setString(3, scope.instance());
            try (ResultSet held = check.executeQuery()) {
                if (!held.next()) {
                    scope.refuse();
                    throw new StorageException(what + " refused: instance " + scope.instance()
                            + " no longer holds the lease of room " + scope.room() + " (another instance may have"
                            + " taken it over while this one was paused)");
                }
            }
        }
    }

    private void announce(Current current) throws SQLException {
        if (current.notices().isEmpty()) {
            return;
        }
        Connection connection = current.connection();
        try (PreparedStatement announce = connection.prepareStatement(ANNOUNCE)) {
            announce.setArray(1, connection.createArrayOf("text", current.notices().toArray()));
            announce.execute();
        }
    }

    private void acquireWriteLock(String what) {
        try {
            if (!writeLock.tryLock(lockTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new StorageException(what + " failed: another transaction has held the storage for more than "
                        + lockTimeout + " (a transaction must not wait on anything)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException(what + " interrupted while waiting for another transaction", e);
        }
    }

    private static void rollback(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
