package org.majordome.store;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import org.majordome.config.Secret;

/**
 * Where the database is.
 *
 * @param jdbcUrl        the JDBC URL
 * @param user           the user name ({@code ""} for none)
 * @param password       the password, if any
 * @param maxConnections the size of the connection pool (the Quartz job store takes some of them)
 * @param embeddedDataDirectory for the embedded database, the directory it lives in (created on open)
 */
public record DatabaseSettings(String jdbcUrl, String user, Optional<Secret> password, int maxConnections,
                               Optional<Path> embeddedDataDirectory) {

    /** The file name, without H2's {@code .mv.db} suffix, of the embedded database in the data directory. */
    public static final String EMBEDDED_DATABASE_NAME = "majordome";
    private static final int DEFAULT_MAX_CONNECTIONS = 10;

    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(embeddedDataDirectory, "embeddedDataDirectory");
        if (!jdbcUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException("not a JDBC URL: '" + jdbcUrl + "'");
        }
        if (maxConnections < 2) {
            throw new IllegalArgumentException("maxConnections must be at least 2, was " + maxConnections);
        }
    }

    /**
     * The embedded H2 database {@code <dataDirectory>/majordome.mv.db}.
     *
     * <p>{@code WRITE_DELAY=0}: each commit reaches the file before it returns (see the package doc).
     * {@code DB_CLOSE_ON_EXIT=FALSE}: the bot closes the database itself after the scheduler stopped,
     * rather than H2's shutdown hook closing it under running jobs. The {@code async:} file system: with
     * the default one, interrupting a thread inside a query (Quartz interrupts its threads on shutdown)
     * closes the file channel and with it the whole database. {@code QUERY_CACHE_SIZE=64}: the storage's
     * statements and the scheduler's share the pooled sessions; with H2's default of 8 parsed statements per
     * session most calls parsed their SQL again.
     */
    public static DatabaseSettings embedded(Path dataDirectory) {
        Path absolute = dataDirectory.toAbsolutePath().normalize();
        String url = "jdbc:h2:async:" + absolute.resolve(EMBEDDED_DATABASE_NAME)
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64";
        return new DatabaseSettings(url, "", Optional.empty(), DEFAULT_MAX_CONNECTIONS, Optional.of(absolute));
    }

    /** Any database by JDBC URL (its driver must be on the class path; PostgreSQL's is). */
    public static DatabaseSettings jdbc(String jdbcUrl, String user, Secret password) {
        return new DatabaseSettings(jdbcUrl, user, Optional.ofNullable(password), DEFAULT_MAX_CONNECTIONS,
                Optional.empty());
    }

    public DatabaseSettings withMaxConnections(int connections) {
        return new DatabaseSettings(jdbcUrl, user, password, connections, embeddedDataDirectory);
    }

    boolean isH2() {
        return jdbcUrl.startsWith("jdbc:h2:");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + jdbcUrl + ", user=" + user + ", maxConnections=" + maxConnections + "]";
    }
}
