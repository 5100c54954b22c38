package org.majordome.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
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
 * portable UPDATE-then-INSERT. The bot writes a few rows a second, so nothing is lost in throughput. It
 * assumes one bot process per database, which H2's file lock enforces for the embedded database.
 */
final class TransactionRunner {

    /** Work done on a connection. */
    @FunctionalInterface
    interface ConnectionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final Duration lockTimeout;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final ThreadLocal<Connection> currentTransaction = new ThreadLocal<>();

    TransactionRunner(DataSource dataSource, Duration lockTimeout) {
        this.dataSource = dataSource;
        this.lockTimeout = lockTimeout;
    }

    /** Reads inside the current transaction, if this thread has one, else on a connection of its own. */
    <T> T read(String what, ConnectionWork<T> work) {
        Connection joined = currentTransaction.get();
        try {
            if (joined != null) {
                return work.run(joined);
            }
            try (Connection connection = dataSource.getConnection()) {
                return work.run(connection);
            }
        } catch (SQLException e) {
            throw new StorageException(what + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code work} in a transaction and commits it; joins the current one if this thread has one
     * (then the outer transaction commits or rolls back everything).
     */
    <T> T inTransaction(String what, ConnectionWork<T> work) {
        Connection joined = currentTransaction.get();
        if (joined != null) {
            try {
                return work.run(joined);
            } catch (SQLException e) {
                throw new StorageException(what + " failed: " + e.getMessage(), e);
            }
        }
        acquireWriteLock(what);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            currentTransaction.set(connection);
            try {
                T result = work.run(connection);
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
