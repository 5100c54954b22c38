package org.majordome.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.majordome.api.storage.PluginStorage;

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

    /**
     * Quartz interrupts its threads on shutdown, the dispatcher a plugin call past its time limit: an interrupt that
     * lands inside H2's file write must not close the file channel and with it the whole database. Pins the file
     * system {@link DatabaseSettings#embedded} chooses for that reason: with H2's default one ({@code file:}) nearly
     * every write failed ("IO Exception", "The database has been closed"); with {@code retry:nio:}, which would make a
     * commit cheaper, writes failed with "File corrupted while reading record" and "Database may be already in use".
     * JDBC directly: the storage's own calls check for an interrupt before they reach H2.
     */
    @Test
    void aThreadInterruptedWhileItCommitsLeavesTheDatabaseUsable() throws Exception {
        try (java.sql.Connection setup = database.dataSource().getConnection();
             java.sql.Statement statement = setup.createStatement()) {
            statement.execute("CREATE TABLE interrupted_writes (id INT PRIMARY KEY, text VARCHAR(100))");
        }
        List<String> failures = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        Thread writer = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < 2_000; i++) {
                try (java.sql.Connection connection = database.dataSource().getConnection();
                     java.sql.PreparedStatement insert = connection.prepareStatement(
                             "MERGE INTO interrupted_writes KEY (id) VALUES (?, ?)")) {
                    insert.setInt(1, i % 10);
                    insert.setString(2, "text " + i);
                    insert.executeUpdate();
                } catch (java.sql.SQLException failed) {
                    failures.add(failed.getMessage());
                }
            }
        });
        while (writer.isAlive()) {
            writer.interrupt();
            Thread.onSpinWait();
        }
        writer.join();

        assertThat(failures).as("writes failed while their thread was interrupted").isEmpty();
        PluginStorage notes = storage.forPlugin("notes");
        notes.put("after", "still open");
        assertThat(notes.get("after")).contains("still open");
    }
}
