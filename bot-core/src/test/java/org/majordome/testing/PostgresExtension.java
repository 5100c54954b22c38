package org.majordome.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.majordome.config.DatabaseConnection;

/**
 * One throwaway PostgreSQL ({@link PostgresServer}) per test class, started before its tests and stopped after
 * them, with a fresh database for the class:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final PostgresExtension postgres = new PostgresExtension();
 *
 * BotUnderTest.builder(xmpp).database(postgres.database())...
 * }</pre>
 *
 * On a {@code @ClassTemplate} class (one run per XMPP server kind) each run gets its own server and database. A
 * test that needs a database of its own asks {@link #newDatabase}. When a test fails, the end of PostgreSQL's log
 * is attached to the failure.
 */
public final class PostgresExtension implements BeforeAllCallback, AfterAllCallback, TestExecutionExceptionHandler {

    private volatile PostgresServer server;
    private volatile DatabaseConnection database;

    @Override
    public void beforeAll(ExtensionContext context) {
        if (server == null) {
            server = PostgresServer.start();
        }
        database = server.connection(server.createDatabase(context.getRequiredTestClass().getSimpleName()));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        PostgresServer running = server;
        server = null;
        database = null;
        if (running != null) {
            running.close();
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        PostgresServer running = server;
        if (running != null) {
            failure.addSuppressed(new AssertionError("end of PostgreSQL's log (" + running.logFile() + "):\n"
                    + running.logTail(40)));
        }
        throw failure;
    }

    public PostgresServer server() {
        PostgresServer running = server;
        if (running == null) {
            throw new IllegalStateException("the PostgreSQL of this test class is not started: register its extension "
                    + "on a static field (@RegisterExtension static final PostgresExtension ...)");
        }
        return running;
    }

    /** The class's database, as the bot's {@code runtime.database} section would name it. */
    public DatabaseConnection database() {
        server();
        return database;
    }

    /** Another fresh, empty database on the same server. */
    public DatabaseConnection newDatabase(String hint) {
        PostgresServer running = server();
        return running.connection(running.createDatabase(hint));
    }
}
