package org.majordome.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.EntityBareJid;

/**
 * Proves the ejabberd harness itself: a real, private ejabberd node that tests can chat on, crash, restart and
 * freeze, whose accounts are made through its own control node, and that leaves no Erlang process behind.
 */
class EjabberdHarnessIT {

    @RegisterExtension
    static final EjabberdExtension ejabberd = new EjabberdExtension();

    /** Closing is what the extension does after the class; here it is done early to see that nothing is left. */
    @AfterAll
    static void noErlangProcessOutlivesTheServer() {
        String node = ejabberd.server().node();
        ejabberd.server().close();
        List<String> leftovers = ProcessHandle.allProcesses()
                .map(process -> process.info().commandLine().orElse(""))
                .filter(commandLine -> commandLine.contains(node))
                .toList();
        assertThat(leftovers).as("processes of node " + node).isEmpty();
    }

    @Test
    void twoClientsChatInARoom(TestClients clients) {
        EntityBareJid room = ejabberd.server().uniqueRoom("chat");
        XmppTestClient alice = clients.connect("alice");
        XmppTestClient bob = clients.connect("bob");
        alice.join(room, "Alice");
        bob.join(room, "Bob");

        alice.say(room, "hello bob");

        assertThat(bob.awaitBodyFrom(room, "hello bob").getFrom().getResourceOrThrow().toString()).isEqualTo("Alice");
    }

    /** XEP-0045 §6.4: the room's configuration as any outsider sees it. */
    @Test
    void roomInfoShowsTheConfigurationToOutsiders(TestClients clients) throws Exception {
        EntityBareJid room = ejabberd.server().uniqueRoom("info");
        XmppTestClient owner = clients.connect("owner");
        MultiUserChat muc = owner.join(room, "Owner");
        assertThat(clients.roomInfo(room).persistent()).as("ejabberd's default").isFalse();

        FillableForm form = muc.getConfigurationForm().getFillableForm();
        form.setAnswer("muc#roomconfig_persistentroom", true);
        form.setAnswer("muc#roomconfig_roomname", "Harness room");
        form.setAnswer("muc#roomconfig_roomdesc", "Where the harness proves itself");
        muc.sendConfigurationForm(form);

        RoomDiscoInfo info = clients.roomInfo(room);
        assertThat(info.persistent()).isTrue();
        assertThat(info.title()).contains("Harness room");
        assertThat(info.description()).contains("Where the harness proves itself");
    }

    /** Registering an existing account resets its password, as prosodyctl's register does. */
    @Test
    void registeringAgainResetsThePassword(TestClients clients) {
        clients.connect("dave", "first", TestClients.Transport.PLAIN).close();

        XmppTestClient dave = clients.connect("dave", "second", TestClients.Transport.PLAIN);

        assertThat(dave.connection().isAuthenticated()).isTrue();
        assertThatThrownBy(() -> clients.connectExisting("dave", "first", TestClients.Transport.PLAIN))
                .hasMessageContaining("not-authorized");
    }

    @Test
    void clientsComeBackAfterTheServerIsKilledAndRestarted(TestClients clients) {
        EjabberdServer server = ejabberd.server();
        int port = server.port();
        EntityBareJid room = server.uniqueRoom("crash");
        XmppTestClient alice = clients.connect("alice");
        XmppTestClient bob = clients.connect("bob");
        alice.join(room, "Alice");

        server.kill();
        alice.awaitDisconnected();
        bob.awaitDisconnected();
        server.restart();

        assertThat(server.port()).isEqualTo(port);
        alice.reconnect(); // the account survived: same Mnesia spool, same node name
        bob.reconnect();
        alice.join(room, "Alice");
        bob.join(room, "Bob");
        alice.say(room, "back again");
        bob.awaitBodyFrom(room, "back again");
    }

    @Test
    void aStoppedServerStartsAgainWithItsAccounts(TestClients clients) {
        EjabberdServer server = ejabberd.server();
        clients.connect("erin");

        server.stop();
        assertThat(server.isRunning()).isFalse();
        server.start();

        assertThat(clients.connectExisting("erin", TestClients.passwordOf("erin"), TestClients.Transport.PLAIN)
                .connection().isAuthenticated()).isTrue();
    }

    @Test
    void aFrozenServerDeliversNothingUntilThawed(TestClients clients) {
        EjabberdServer server = ejabberd.server();
        EntityBareJid room = server.uniqueRoom("freeze");
        XmppTestClient alice = clients.connect("alice");
        XmppTestClient bob = clients.connect("bob");
        alice.join(room, "Alice");
        bob.join(room, "Bob");

        server.freeze();
        try {
            alice.say(room, "while frozen");
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(60))
                    .until(() -> !bob.bodiesFrom(room).contains("while frozen"));
        } finally {
            server.thaw();
        }

        bob.awaitBodyFrom(room, "while frozen");
    }

    @Test
    void startTlsVerifiesTheGeneratedCertificate(TestClients clients) {
        XmppTestClient carol = clients.connect("carol", TestClients.Transport.STARTTLS);

        assertThat(carol.connection().isSecureConnection()).isTrue();
        assertThat(carol.connection().isAuthenticated()).isTrue();
    }

    /**
     * The node is private: its Erlang distribution listens on 127.0.0.1 only, on a port of its own, and no epmd
     * knows it (an epmd the machine runs for other nodes is left alone).
     */
    @Test
    void theNodeListensOnLoopbackOnlyAndNoEpmdKnowsIt() throws Exception {
        EjabberdServer server = ejabberd.server();
        assertThat(server.logTail(200)).contains("is started in the node '" + server.node() + "'")
                .contains("Start accepting TCP connections at 127.0.0.1:" + server.port());

        String port = String.format("%04X", server.distributionPort());
        List<String> listening = Files.readAllLines(Path.of("/proc/net/tcp")).stream().skip(1)
                .map(line -> line.trim().split("\\s+"))
                .filter(fields -> fields[1].endsWith(":" + port) && fields[3].equals("0A"))
                .map(fields -> fields[1])
                .toList();
        assertThat(listening).as("IPv4 listeners on the distribution port").containsExactly("0100007F:" + port);
        assertThat(Files.readAllLines(Path.of("/proc/net/tcp6")).stream().skip(1)
                .map(line -> line.trim().split("\\s+"))
                .filter(fields -> fields[1].endsWith(":" + port) && fields[3].equals("0A")))
                .as("IPv6 listeners on the distribution port").isEmpty();

        String nodeName = server.node().substring(0, server.node().indexOf('@'));
        LocalServers.Result names = LocalServers.runForResult(List.of("epmd", "-names"), server.directory(), Map.of());
        assertThat(names.output()).as("what epmd knows, when one runs").doesNotContain(nodeName);
    }
}
