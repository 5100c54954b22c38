package org.majordome.config;

import java.util.Optional;

/**
 * An external database for the bot's state instead of the embedded one (PostgreSQL, or any database
 * whose JDBC driver is on the class path).
 *
 * @param jdbcUrl        e.g. {@code jdbc:postgresql://127.0.0.1/majordome}
 * @param user           the database user
 * @param password       the user's password
 * @param maxConnections the size of the connection pool
 */
public record DatabaseConnection(String jdbcUrl, String user, Optional<Secret> password, int maxConnections) { }
