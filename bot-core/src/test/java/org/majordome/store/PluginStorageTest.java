package org.majordome.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plugin storage on the embedded H2 database (the contract), and what only the embedded database does. */
class PluginStorageTest extends PluginStorageContract {

    @TempDir
    Path dataDirectory;

    @Override
    protected DatabaseSettings settings() {
        return DatabaseSettings.embedded(dataDirectory);
    }

    @Test
    void createsTheEmbeddedDatabaseFileInTheDataDirectory() {
        assertThat(dataDirectory.resolve("majordome.mv.db")).exists();
        assertThat(database.productName()).isEqualTo("H2");
    }

    /**
     * Regression (kick path profile): the storage's statements and the scheduler's share the pooled sessions, and
     * H2 keeps 8 parsed statements per session by default, so a moderation case parsed its SQL again on most calls
     * (H2's parser was a tenth of the plugin thread's CPU in the bot under the kick-latency harness).
     */
    @Test
    void theEmbeddedDatabaseKeepsMoreParsedStatementsThanH2sDefaultEight() throws Exception {
        try (java.sql.Connection connection = database.dataSource().getConnection();
             java.sql.Statement statement = connection.createStatement();
             java.sql.ResultSet setting = statement.executeQuery("SELECT SETTING_VALUE FROM "
                     + "INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'QUERY_CACHE_SIZE'")) {
            assertThat(setting.next()).as("QUERY_CACHE_SIZE listed").isTrue();
            assertThat(Integer.parseInt(setting.getString(1))).isGreaterThanOrEqualTo(64);
        }
    }
}
