package org.majordome.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * One throwaway Prosody per test class, started before all its tests and stopped after them:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ProsodyExtension prosody = new ProsodyExtension();
 *
 * @Test
 * void greets(TestClients clients) {
 *     XmppTestClient alice = clients.connect("alice");
 *     EntityBareJid room = prosody.server().uniqueRoom("greets");
 *     ...
 * }
 * }</pre>
 *
 * The server is not reset between tests (tests use {@link ProsodyServer#uniqueRoom unique rooms}); the
 * clients made through {@link #clients()} are disconnected after each test. {@link ProsodyServer} and
 * {@link TestClients} can also be injected as test or lifecycle method parameters. When a test fails, the
 * end of Prosody's log is attached to the failure.
 */
public final class ProsodyExtension implements BeforeAllCallback, AfterAllCallback, AfterEachCallback,
        ParameterResolver, TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

    private final ProsodyServer.Builder settings;
    private volatile ProsodyServer server;
    private volatile TestClients clients;

    /** A server with the default test configuration. */
    public ProsodyExtension() {
        this(ProsodyServer.builder());
    }

    /** A server with extra configuration, e.g. {@code ProsodyServer.builder().mucConfig("restrict_room_creation = true")}. */
    public ProsodyExtension(ProsodyServer.Builder settings) {
        this.settings = settings;
    }

    public ProsodyServer server() {
        ProsodyServer running = server;
        if (running == null) {
            throw new IllegalStateException("Prosody is not started: register ProsodyExtension on a static field "
                    + "(@RegisterExtension static final ProsodyExtension prosody = new ProsodyExtension())");
        }
        return running;
    }

    /** The client factory for the current test; its clients are disconnected after each test. */
    public TestClients clients() {
        server();
        return clients;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        ProsodyServer created = settings.build();
        try {
            created.start();
        } catch (RuntimeException e) {
            created.close();
            throw e;
        }
        server = created;
        clients = new TestClients(created);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (clients != null) {
            clients.close();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (clients != null) {
            clients.close();
        }
        if (server != null) {
            server.close();
        }
        server = null;
        clients = null;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == ProsodyServer.class || type == TestClients.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ProsodyServer.class ? server() : clients();
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw withServerLog(failure);
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable failure)
            throws Throwable {
        throw withServerLog(failure);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure)
            throws Throwable {
        throw withServerLog(failure);
    }

    @Override
    public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable failure)
            throws Throwable {
        throw withServerLog(failure);
    }

    @Override
    public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable failure)
            throws Throwable {
        throw withServerLog(failure);
    }

    /** The server's side of the story, next to the failure, so a red build can be read without rerunning it. */
    private Throwable withServerLog(Throwable failure) {
        ProsodyServer running = server;
        if (running != null) {
            failure.addSuppressed(new ProsodyLog(running));
        }
        return failure;
    }

    /** Carries the log tail in its message; not an error by itself. */
    static final class ProsodyLog extends Exception {
        private static final long serialVersionUID = 1L;

        ProsodyLog(ProsodyServer server) {
            super("last lines of Prosody's log (" + server.logFile() + "):\n" + server.logTail(), null, false, false);
        }
    }
}
