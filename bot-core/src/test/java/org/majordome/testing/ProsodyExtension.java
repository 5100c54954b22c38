package org.majordome.testing;

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
public final class ProsodyExtension extends ServerPerClassExtension<ProsodyServer> {

    /** A server with the default test configuration. */
    public ProsodyExtension() {
        this(ProsodyServer.builder());
    }

    /** A server with extra configuration, e.g. {@code ProsodyServer.builder().mucConfig("restrict_room_creation = true")}. */
    public ProsodyExtension(ProsodyServer.Builder settings) {
        super(new ServerRun<>(ServerKind.PROSODY, settings::build, started -> { }));
    }
}
