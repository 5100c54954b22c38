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
 * One throwaway server of one kind per test class ({@link ProsodyExtension}, {@link EjabberdExtension}): a
 * {@link ServerRun} started before the class's tests and finished after them.
 */
public abstract class ServerPerClassExtension<S extends XmppServer> implements BeforeAllCallback, AfterAllCallback,
        AfterEachCallback, ParameterResolver, TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

    private final ServerRun<S> run;

    ServerPerClassExtension(ServerRun<S> run) {
        this.run = run;
    }

    public S server() {
        return run.server();
    }

    /** The client factory for the current test; its clients are disconnected after each test. */
    public TestClients clients() {
        return run.clients();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        run.start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        run.afterEach(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        run.finish();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return run.supportsParameter(parameter, context);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return run.resolveParameter(parameter, context);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        run.handleTestExecutionException(context, failure);
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable failure)
            throws Throwable {
        run.handleBeforeAllMethodExecutionException(context, failure);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure)
            throws Throwable {
        run.handleBeforeEachMethodExecutionException(context, failure);
    }

    @Override
    public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable failure)
            throws Throwable {
        run.handleAfterEachMethodExecutionException(context, failure);
    }

    @Override
    public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable failure)
            throws Throwable {
        run.handleAfterAllMethodExecutionException(context, failure);
    }
}
