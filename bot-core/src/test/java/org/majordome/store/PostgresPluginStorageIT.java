package org.majordome.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.majordome.config.DatabaseConnection;
import org.majordome.testing.PostgresExtension;

/**
 * Plugin storage on a real PostgreSQL ({@code runtime.database} with a {@code jdbc:postgresql:} URL): every
 * migration applies, and the whole storage contract holds there as on the embedded H2. Each test has a fresh
 * database.
 */
class PostgresPluginStorageIT extends PluginStorageContract {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    private DatabaseSettings settings;

    @Override
    protected DatabaseSettings settings() {
        if (settings == null) {
            DatabaseConnection database = postgres.newDatabase("storage");
            settings = DatabaseSettings.jdbc(database.jdbcUrl(), database.user(), null);
        }
        return settings;
    }

    @Test
    void everyMigrationAppliesOnPostgreSql() throws SQLException, IOException {
        assertThat(database.isPostgreSql()).as(database.productName()).isTrue();
        List<String> applied = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT script, success FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")) {
            while (rows.next()) {
                assertThat(rows.getBoolean(2)).as(rows.getString(1)).isTrue();
                applied.add(rows.getString(1));
            }
        }
        assertThat(applied).containsExactlyInAnyOrderElementsOf(migrationScripts());
    }

    /** The migration files shipped in the runtime, by file name. */
    private static List<String> migrationScripts() throws IOException {
        Path directory = Path.of("src/main/resources/db/migration");
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".sql")).toList();
        }
    }
}
