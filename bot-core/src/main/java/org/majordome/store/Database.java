package org.majordome.store;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.logging.Logger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.majordome.api.storage.StorageException;
import org.slf4j.LoggerFactory;

/**
 * The open database: a connection pool with the schema migrated to the current version.
 * Close it last, after the scheduler (whose job store uses it) has shut down.
 *
 * <p>The pool: H2's own {@link JdbcConnectionPool} for the embedded database (in-process sessions, nothing to gain
 * from another pool, and the default setup stays as it was); HikariCP for any other database (PostgreSQL), where a
 * connection is a TCP connection, a login and a backend process: without a pool every storage write, lease renewal
 * and hand-over poll paid for one. A connection held for long (PostgreSQL's {@code LISTEN}) is not taken from the
 * pool but opened {@link #unpooled() straight from the driver}, so that it never shrinks the pool.
 */
public final class Database implements AutoCloseable {

    private static final org.slf4j.Logger log = LoggerFactory.getLogger(Database.class);

    /** How long a caller waits for a pooled connection (all in use, or the database unreachable) before failing. */
    static final Duration POOL_WAIT = Duration.ofSeconds(10);
    /** Connections a pool keeps open while idle; it grows to {@link DatabaseSettings#maxConnections()} under load. */
    private static final int MIN_IDLE = 2;

    private final DatabaseSettings settings;
    private final DataSource dataSource;
    private final DataSource unpooled;
    private final AutoCloseable pool;
    private final String productName;

    private Database(DatabaseSettings settings, DataSource dataSource, DataSource unpooled, AutoCloseable pool,
                     String productName) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.unpooled = unpooled;
        this.pool = pool;
        this.productName = productName;
    }

    /** Opens (creating it if needed) and migrates the database. */
    public static Database open(DatabaseSettings settings) {
        if (settings.embeddedDataDirectory().isPresent()) {
            try {
                Files.createDirectories(settings.embeddedDataDirectory().get());
            } catch (IOException e) {
                throw new StorageException("cannot create the data directory "
                        + settings.embeddedDataDirectory().get(), e);
            }
        }
        String password = settings.password().map(secret -> secret.reveal()).orElse("");
        DataSource unpooled = new DriverManagerDataSource(settings.jdbcUrl(), settings.user(), password);
        DataSource dataSource;
        AutoCloseable pool;
        if (settings.isH2()) {
            JdbcConnectionPool h2Pool = JdbcConnectionPool.create(settings.jdbcUrl(), settings.user(), password);
            h2Pool.setMaxConnections(settings.maxConnections());
            dataSource = h2Pool;
            pool = h2Pool::dispose;
        } else {
            HikariDataSource hikari;
            try {
                hikari = new HikariDataSource(hikariConfig(settings, password));
            } catch (RuntimeException e) {
                throw new StorageException("cannot connect to the database " + settings.jdbcUrl() + ": "
                        + e.getMessage(), e);
            }
            dataSource = hikari;
            pool = hikari::close;
        }
        String productName;
        try (Connection connection = dataSource.getConnection()) {
            productName = connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            closeQuietly(pool);
            throw new StorageException("cannot connect to the database " + settings.jdbcUrl(), e);
        }
        try {
            var result = Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            log.info("Database {} ({}): {} migration(s) applied", settings.jdbcUrl(), productName,
                    result.migrationsExecuted);
        } catch (RuntimeException e) {
            closeQuietly(pool);
            throw new StorageException("cannot migrate the database " + settings.jdbcUrl(), e);
        }
        return new Database(settings, dataSource, unpooled, pool, productName);
    }

    private static HikariConfig hikariConfig(DatabaseSettings settings, String password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("majordome-db");
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(password);
        config.setMaximumPoolSize(settings.maxConnections());
        config.setMinimumIdle(Math.min(MIN_IDLE, settings.maxConnections()));
        config.setConnectionTimeout(POOL_WAIT.toMillis());
        // Fail at once, as the driver alone did, when the database does not answer at start.
        config.setInitializationFailTimeout(1);
        return config;
    }

    /** The pooled connections: each borrowed for one piece of work and closed (given back) at once. */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Connections straight from the driver, outside the pool, each the caller's to close: for a connection held for
     * the life of the bot (PostgreSQL's {@code LISTEN}), which would otherwise take a pooled one for good.
     */
    public DataSource unpooled() {
        return unpooled;
    }

    public DatabaseSettings settings() {
        return settings;
    }

    /** As the JDBC driver names it ("H2", "PostgreSQL"). */
    public String productName() {
        return productName;
    }

    public boolean isPostgreSql() {
        return productName.equalsIgnoreCase("PostgreSQL");
    }

    @Override
    public void close() {
        closeQuietly(pool);
        log.info("Database {} closed", settings.jdbcUrl());
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            log.warn("Closing the connection pool failed", e);
        }
    }

    /** A new connection per request, straight from the driver (see {@link #unpooled()}). */
    private record DriverManagerDataSource(String url, String user, String password) implements DataSource {

        @Override
        public Connection getConnection() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        @Override
        public Connection getConnection(String otherUser, String otherPassword) throws SQLException {
            return DriverManager.getConnection(url, otherUser, otherPassword);
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            // not used
        }

        @Override
        public void setLoginTimeout(int seconds) {
            DriverManager.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() {
            return DriverManager.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            if (type.isInstance(this)) {
                return type.cast(this);
            }
            throw new SQLException("not a wrapper of " + type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return type.isInstance(this);
        }

        @Override
        public String toString() {
            return "DriverManagerDataSource[" + url + "]";
        }
    }
}
