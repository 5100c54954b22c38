package org.majordome.store;

import java.sql.Connection;
import java.sql.SQLException;

import org.majordome.api.storage.StorageException;

/** One transaction of the runtime's own tables on a pooled connection: committed, or rolled back and reported. */
final class LocalTransaction {

    /** The statements of the transaction. */
    @FunctionalInterface
    interface Work {
        void run(Connection connection) throws SQLException;
    }

    private LocalTransaction() {
    }

    /** Runs {@code work} in one transaction; {@code failure} is the message of the exception when it fails. */
    static void run(Database database, String failure, Work work) {
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try {
                work.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StorageException(failure, e);
        }
    }
}
