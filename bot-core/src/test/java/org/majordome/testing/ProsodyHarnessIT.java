package org.majordome.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.EntityBareJid;

/** Proves the harness itself: a real Prosody that tests can chat on, crash, restart and freeze. */
class ProsodyHarnessIT {

    @RegisterExtension
    static final ProsodyExtension prosody = new ProsodyExtension();

    @Test
    void twoClientsChatInARoom(TestClients clients) {
        EntityBareJid room = prosody.server().uniqueRoom("chat");
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
        EntityBareJid room = prosody.server().uniqueRoom("info");
        XmppTestClient owner = clients.connect("owner");
        MultiUserChat muc = owner.join(room, "Owner");
        assertThat(clients.roomInfo(room).persistent()).as("Prosody's default").isFalse();

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

    @Test
    void clientsComeBackAfterTheServerIsKilledAndRestarted(TestClients clients) {
        ProsodyServer server = prosody.server();
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
        alice.reconnect(); // the account survived: same data directory
        bob.reconnect();
        alice.join(room, "Alice");
        bob.join(room, "Bob");
        alice.say(room, "back again");
        bob.awaitBodyFrom(room, "back again");
    }

    @Test
    void aFrozenServerDeliversNothingUntilThawed(TestClients clients) {
        ProsodyServer server = prosody.server();
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

    @Test
    void logTailShowsTheServerLog() {
        assertThat(prosody.server().logTail()).contains("Activated service 'c2s' on [127.0.0.1]:" + prosody.server().port());
    }
}
