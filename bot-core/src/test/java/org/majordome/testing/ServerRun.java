package org.majordome.testing;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.junit.jupiter.api.extension.AfterClassTemplateInvocationCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeClassTemplateInvocationCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * One server for one run of a test class: made and started before the class's first test, stopped and deleted
 * after its last (also when a test or a lifecycle method fails), its clients disconnected after each test, the
 * end of its log attached to every failure. As an extension of one invocation of a {@code @ClassTemplate}
 * class it starts and stops with the invocation; a plain class's extension calls {@link #start} and
 * {@link #finish} from its own {@code beforeAll} and {@code afterAll}.
 */
final class ServerRun<S extends XmppServer> implements BeforeClassTemplateInvocationCallback,
        AfterClassTemplateInvocationCallback, AfterEachCallback, ParameterResolver, TestExecutionExceptionHandler,
        LifecycleMethodExecutionExceptionHandler {

    private final ServerKind kind;
    private final Supplier<S> factory;
    private final Consumer<ServerRun<S>> onStarted;
    private volatile S server;
    private volatile TestClients clients;

    ServerRun(ServerKind kind, Supplier<S> factory, Consumer<ServerRun<S>> onStarted) {
        this.kind = kind;
        this.factory = factory;
        this.onStarted = onStarted;
    }

    ServerKind kind() {
        return kind;
    }

    boolean started() {
        return server != null;
    }

    S server() {
        S running = server;
        if (running == null) {
            throw new IllegalStateException("the " + kind.displayName() + " of this test class is not started: "
                    + "register its extension on a static field (@RegisterExtension static final ...)");
        }
        return running;
    }

    TestClients clients() {
        server();
        return clients;
    }

    @Override
    public void beforeClassTemplateInvocation(ExtensionContext context) {
        start();
    }

    @Override
    public void afterClassTemplateInvocation(ExtensionContext context) {
        finish();
    }

    void start() {
        S created = factory.get();
        try {
            created.start();
        } catch (RuntimeException e) {
            created.close();
            throw e;
        }
        server = created;
        clients = new TestClients(created);
        onStarted.accept(this);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (clients != null) {
            clients.close();
        }
    }

    void finish() {
        try {
            if (clients != null) {
                clients.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
            server = null;
            clients = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == XmppServer.class || type == TestClients.class || type == ServerKind.class
                || (server != null && type == server.getClass());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == ServerKind.class) {
            return kind;
        }
        return type == TestClients.class ? clients() : server();
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
        XmppServer running = server;
        if (running != null) {
            failure.addSuppressed(new ServerLog(running));
        }
        return failure;
    }

    /** Carries the log tail in its message; not an error by itself. */
    static final class ServerLog extends Exception {
        private static final long serialVersionUID = 1L;

        ServerLog(XmppServer server) {
            super("last lines of " + server.kind().displayName() + "'s log (" + server.logFile() + "):\n"
                    + server.logTail(), null, false, false);
        }
    }
}
