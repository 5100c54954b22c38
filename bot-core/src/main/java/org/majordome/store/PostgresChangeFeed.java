package org.majordome.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears the other instances' storage changes: {@code LISTEN} on a connection of its own, opened straight from the
 * driver rather than taken from the pool ({@link Database#unpooled()}: it is held for the life of the bot), read with
 * pgjdbc's
 * {@link PGConnection#getNotifications(int)} by one thread. When the connection drops (the database restarted, the
 * network failed, or a ping finds it dead), the thread connects again, with a growing pause, and once it listens
 * again it tells every plugin that anything may have changed ({@link StorageChanges#missedSome()}): announcements
 * sent while nobody listened are lost, PostgreSQL keeps none for a later listener.
 */
final class PostgresChangeFeed implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostgresChangeFeed.class);
    /** How long one read waits for announcements: also how soon the thread sees it is to stop. */
    private static final int WAIT_MILLIS = 500;
    /** A connection silent for this long is pinged: a dead peer may otherwise look merely quiet. */
    private static final Duration PING_AFTER = Duration.ofSeconds(10);
    private static final int PING_TIMEOUT_SECONDS = 5;
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(5);

    private final DataSource dataSource;
    private final StorageChanges changes;
    private final Thread thread;
    private volatile boolean stopped;
    private volatile Connection connection;

    private PostgresChangeFeed(DataSource dataSource, StorageChanges changes) {
        this.dataSource = dataSource;
        this.changes = changes;
        this.thread = Thread.ofPlatform().name("storage-changes").daemon().unstarted(this::run);
    }

    /**
     * Listens before it returns when the database answers (so that no change committed after the plugins read their
     * entries goes unheard), then hears announcements on a thread of its own.
     */
    static PostgresChangeFeed start(DataSource dataSource, StorageChanges changes) {
        PostgresChangeFeed feed = new PostgresChangeFeed(dataSource, changes);
        try {
            feed.connection = feed.listen();
        } catch (SQLException e) {
            log.warn("Storage: cannot listen to the other instances' changes yet ({}); trying again", e.getMessage());
        }
        feed.thread.start();
        return feed;
    }

    private void run() {
        boolean missed = connection == null;
        long lastHeard = System.nanoTime();
        Duration retry = FIRST_RETRY;
        while (!stopped) {
            try {
                if (connection == null) {
                    connection = listen();
                    lastHeard = System.nanoTime();
                    retry = FIRST_RETRY;
                }
                if (missed) {
                    missed = false;
                    log.info("Storage: hearing the other instances' changes again; every plugin reads its entries anew");
                    changes.missedSome();
                }
                PGNotification[] heard = connection.unwrap(PGConnection.class).getNotifications(WAIT_MILLIS);
                if (heard != null && heard.length > 0) {
                    lastHeard = System.nanoTime();
                    for (PGNotification notification : heard) {
                        if (TransactionRunner.CHANNEL.equals(notification.getName())) {
                            changes.heard(notification.getParameter());
                        }
                    }
                } else if (System.nanoTime() - lastHeard > PING_AFTER.toNanos()) {
                    ping();
                    lastHeard = System.nanoTime();
                }
            } catch (SQLException | RuntimeException e) {
                if (stopped) {
                    break;
                }
                if (!missed) {
                    log.warn("Storage: lost the other instances' changes ({}); listening again", e.getMessage());
                }
                missed = true;
                closeQuietly();
                LockSupport.parkNanos(retry.toNanos());
                retry = retry.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : retry.multipliedBy(2);
            }
        }
        closeQuietly();
    }

    private Connection listen() throws SQLException {
        Connection opened = dataSource.getConnection();
        try (Statement statement = opened.createStatement()) {
            statement.execute("LISTEN " + TransactionRunner.CHANNEL);
        } catch (SQLException | RuntimeException e) {
            opened.close();
            throw e;
        }
        return opened;
    }

    private void ping() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(PING_TIMEOUT_SECONDS);
            statement.execute("SELECT 1");
        }
    }

    private void closeQuietly() {
        Connection open = connection;
        connection = null;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException e) {
                log.debug("Storage: closing the listening connection failed", e);
            }
        }
    }

    @Override
    public void close() {
        stopped = true;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
