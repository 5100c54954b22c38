package org.majordome.store;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.majordome.api.storage.StorageException;
import org.slf4j.LoggerFactory;

/**
 * The open database: a connection pool with the schema migrated to the current version.
 * Close it last, after the scheduler (whose job store uses it) has shut down.
 */
public final class Database implements AutoCloseable {

    private static final org.slf4j.Logger log = LoggerFactory.getLogger(Database.class);

    private final DatabaseSettings settings;
    private final DataSource dataSource;
    private final AutoCloseable pool;
    private final String productName;

    private Database(DatabaseSettings settings, DataSource dataSource, AutoCloseable pool, String productName) {
        this.settings = settings;
        this.dataSource = dataSource;
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
        DataSource dataSource;
        AutoCloseable pool;
        if (settings.isH2()) {
            JdbcConnectionPool h2Pool = JdbcConnectionPool.create(settings.jdbcUrl(), settings.user(), password);
            h2Pool.setMaxConnections(settings.maxConnections());
            dataSource = h2Pool;
            pool = h2Pool::dispose;
        } else {
            // No pooling library for other databases: the bot's traffic is a few statements a second at most.
            dataSource = new DriverManagerDataSource(settings.jdbcUrl(), settings.user(), password);
            pool = () -> { };
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
        return new Database(settings, dataSource, pool, productName);
    }

    public DataSource dataSource() {
        return dataSource;
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

    /** A new connection per request, straight from the driver. */
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
