package org.majordome.bench;

import org.majordome.config.DatabaseConnection;
import org.majordome.testing.PostgresServer;

/**
 * A throwaway PostgreSQL for the harnesses' bots that keep their state there, started at the first one that asks
 * (none: nothing starts), one database per bot. {@code postgres}: the bot on PostgreSQL, alone; {@code cluster}: the
 * same with a {@code cluster:} section, the bot the one instance of its cluster, so that the kick path pays what a
 * cluster adds (the room's admission checked before the event is handed on and before the kick leaves, the fence's
 * renewals in the background) and nothing else differs.
 */
final class BenchPostgres implements AutoCloseable {

    private PostgresServer server;

    /** The YAML of the bot {@code name} for {@code kind} ({@code postgres} or {@code cluster}). */
    OwnJvmKicker.Storage storage(String kind, String name) {
        if (!kind.equals("postgres") && !kind.equals("cluster")) {
            throw new IllegalArgumentException("unknown storage '" + kind + "' of " + name + ": postgres or cluster");
        }
        if (server == null) {
            server = PostgresServer.start();
        }
        DatabaseConnection database = server.connection(server.createDatabase(name.replaceAll("[^a-z0-9]", "")));
        String runtime = """
                  database:
                    url: %s
                    user: %s
                """.formatted(database.jdbcUrl(), database.user());
        String cluster = kind.equals("cluster") ? """
                cluster:
                  instance: %s
                """.formatted(name) : "";
        return new OwnJvmKicker.Storage(runtime, cluster);
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
