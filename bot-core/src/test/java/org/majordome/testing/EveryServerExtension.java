package org.majordome.testing;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ClassTemplateInvocationContext;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContextProvider;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a whole test class once per kind of server (Prosody, then ejabberd), each run with a throwaway server
 * of its own, started before the run's first test and stopped after its last (also when a test fails):
 *
 * <pre>{@code
 * @ClassTemplate
 * class RoomKeepingIT {
 *     @RegisterExtension
 *     static final EveryServerExtension servers = new EveryServerExtension(ServerSettings.defaults().admins("owner"));
 *
 *     @Test
 *     void greets(TestClients clients) {
 *         EntityBareJid room = servers.server().uniqueRoom("greets");
 *         ...
 *     }
 * }
 * }</pre>
 *
 * {@link #server()} is the server of the run under way; {@link XmppServer}, {@link ServerKind} and
 * {@link TestClients} can also be injected as test or lifecycle method parameters. Clients are disconnected
 * after each test. When a test fails, the end of the server's log is attached to the failure. The system
 * property {@code majordome.it.servers} (e.g. {@code -Dmajordome.it.servers=ejabberd}) limits the runs to
 * the kinds it lists.
 */
public final class EveryServerExtension implements ClassTemplateInvocationContextProvider {

    static final String KINDS_PROPERTY = "majordome.it.servers";

    private final ServerSettings settings;
    private volatile ServerRun<XmppServer> current;

    /** Each server with its default test configuration. */
    public EveryServerExtension() {
        this(ServerSettings.defaults());
    }

    public EveryServerExtension(ServerSettings settings) {
        this.settings = settings;
    }

    /** The server of the run under way. */
    public XmppServer server() {
        return run().server();
    }

    /** The client factory of the run under way; its clients are disconnected after each test. */
    public TestClients clients() {
        return run().clients();
    }

    public ServerKind kind() {
        return run().kind();
    }

    private ServerRun<XmppServer> run() {
        ServerRun<XmppServer> running = current;
        if (running == null || !running.started()) {
            throw new IllegalStateException("no server is running: annotate the test class with @ClassTemplate and "
                    + "register EveryServerExtension on a static field");
        }
        return running;
    }

    @Override
    public boolean supportsClassTemplate(ExtensionContext context) {
        return true;
    }

    @Override
    public Stream<ClassTemplateInvocationContext> provideClassTemplateInvocationContexts(ExtensionContext context) {
        return selectedKinds(System.getProperty(KINDS_PROPERTY, "")).stream().map(kind -> new ClassTemplateInvocationContext() {
            @Override
            public String getDisplayName(int invocationIndex) {
                return "on " + kind.displayName();
            }

            @Override
            public List<Extension> getAdditionalExtensions() {
                return List.of(new ServerRun<>(kind, () -> settings.build(kind), run -> current = run));
            }
        });
    }

    /**
     * The kinds a comma-separated list names (any case), every kind when it is blank, in the order the runs go:
     * what {@code -Dmajordome.it.servers} selects.
     */
    public static List<ServerKind> selectedKinds(String property) {
        if (property.isBlank()) {
            return List.of(ServerKind.values());
        }
        return Arrays.stream(property.split(",")).map(String::trim).filter(name -> !name.isEmpty())
                .map(name -> ServerKind.valueOf(name.toUpperCase(Locale.ROOT))).distinct().toList();
    }
}
