package org.majordome.xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jivesoftware.smack.AbstractXMPPConnection;
import org.jivesoftware.smack.bosh.XMPPBOSHConnection;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.commands.AdHocCommandManager;
import org.jivesoftware.smackx.commands.RemoteCommand;
import org.jivesoftware.smackx.ping.packet.Ping;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;
import org.majordome.api.event.OccupantJoinedEvent;
import org.majordome.api.event.RoomJoinedEvent;
import org.majordome.api.event.RoomLeftEvent;
import org.majordome.config.Transport;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.EveryServerExtension;
import org.majordome.testing.PingPlugin;
import org.majordome.testing.ServerKind;
import org.majordome.testing.ServerSettings;
import org.majordome.testing.TestClients;
import org.majordome.testing.XmppTestClient;
import org.majordome.testing.support.Feature;
import org.majordome.testing.support.Proves;

/**
 * The bot's own connection over HTTP binding (BOSH, XEP-0124 and XEP-0206) instead of TCP, on Prosody
 * ({@code mod_bosh}) and on ejabberd ({@code ejabberd_http} with {@code mod_bosh}), both on loopback: the user
 * scenario of a bot host where only HTTP(S) leaves the network. Rooms, commands, ad-hoc commands (XEP-0050),
 * keepalive pings (XEP-0199) and reconnection after the server is killed or stopped hold as over TCP; BOSH has no
 * stream management (XEP-0198), so after a cut the bot starts a new session and joins its rooms again rather
 * than resuming.
 */
@ClassTemplate
@Proves(Feature.BOSH)
class BoshTransportIT {

    private static final String BOT_ADMIN = "boss";

    @RegisterExtension
    static final EveryServerExtension servers = new EveryServerExtension(ServerSettings.defaults().bosh());

    @TempDir
    Path dataDirectory;

    /** The bot connects over BOSH, keeps its rooms, answers a room command and an administrator's ad-hoc command. */
    @Test
    void joinsItsRoomsAndAnswersCommandsOverBosh(TestClients clients) throws Exception {
        EntityBareJid lobby = servers.server().uniqueRoom("bosh-lobby");
        EntityBareJid help = servers.server().uniqueRoom("bosh-help");
        try (BotUnderTest bot = startBot(lobby, help)) {
            assertThat(bot.config().connection().transport()).isEqualTo(Transport.BOSH);
            assertThat(bot.bot().session().connection()).isInstanceOf(XMPPBOSHConnection.class);

            XmppTestClient alice = clients.connect("alice");
            alice.join(lobby, "Alice");
            awaitSeenByBot(bot, lobby, "Alice");
            alice.say(lobby, "!ping");
            alice.awaitMessage("the bot's pong", pong(lobby));

            XmppTestClient boss = clients.connect(BOT_ADMIN);
            RemoteCommand status = AdHocCommandManager.getAddHocCommandsManager(boss.connection())
                    .getRemoteCommand(botJid(bot), "status");
            status.execute();
            assertThat(status.isCompleted()).isTrue();
            assertThat(status.getNotes()).isNotEmpty();
        }
    }

    /**
     * Done-when of issue 14: the server is killed (SIGKILL) mid-session and started again; the bot starts a new BOSH
     * session (never a resumed one), joins its rooms again and answers.
     */
    @Test
    void comesBackAndRejoinsAfterTheServerIsKilled(TestClients clients) throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("bosh-crash");
        try (BotUnderTest bot = startBot(room)) {
            List<Boolean> sessions = recordSessions(bot);

            servers.server().kill();
            await().atMost(Duration.ofSeconds(60)).until(() -> !bot.bot().session().isOnline());
            servers.server().start();

            awaitBackInRoom(bot, room, sessions, RoomLeftEvent.Reason.CONNECTION_LOST);
            answersAgain(clients, bot, room, "carol");
        }
    }

    /** The server is shut down as an administrator would (SIGTERM, sessions closed) and started again. */
    @Test
    void comesBackAndRejoinsAfterTheServerIsStopped(TestClients clients) throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("bosh-stop");
        try (BotUnderTest bot = startBot(room)) {
            List<Boolean> sessions = recordSessions(bot);

            servers.server().stop();
            await().atMost(Duration.ofSeconds(60)).until(() -> !bot.bot().session().isOnline());
            servers.server().start();

            awaitBackInRoom(bot, room, sessions, null);
            answersAgain(clients, bot, room, "dave");
        }
    }

    /**
     * XEP-0199 keepalive over BOSH: after a ping interval without traffic the bot pings its server, which answers
     * through the BOSH connection manager; the session stays the same (no reconnection).
     */
    @Test
    void keepalivePingsAreAnsweredOverBosh() throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("bosh-ping");
        try (BotUnderTest bot = startBot(room, Duration.ofSeconds(1))) {
            List<Boolean> sessions = recordSessions(bot);
            AbstractXMPPConnection connection = bot.bot().session().connection();
            Set<String> sentPings = ConcurrentHashMap.newKeySet();
            Set<String> answeredPings = ConcurrentHashMap.newKeySet();
            connection.addStanzaSendingListener(ping -> sentPings.add(ping.getStanzaId()),
                    stanza -> stanza instanceof Ping && servers.server().domain().equals(String.valueOf(stanza.getTo())));
            connection.addAsyncStanzaListener(answer -> answeredPings.add(answer.getStanzaId()),
                    stanza -> stanza instanceof IQ iq && iq.getType() == IQ.Type.result);

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> sentPings.stream().filter(answeredPings::contains).count() >= 2);
            assertThat(bot.bot().session().isOnline()).isTrue();
            assertThat(sessions).as("no new session while the pings were answered").isEmpty();
            assertThat(bot.events().inRoom(room.toString(), RoomJoinedEvent.class)).hasSize(1);
        }
    }

    /**
     * Keepalive over BOSH finds a hung server (SIGSTOP): the bot goes offline, and comes back once it answers.
     *
     * <p>Here the servers differ. The old BOSH session outlives the hang on the server, until the bot's new session
     * binds the same resource. Prosody then lets the room go on with the new session; ejabberd's room removes the
     * old session's occupant and tells it so (status 110) at the same full JID, which now reaches the new session:
     * the bot, having joined again already, counts its membership lost as well and joins once more.
     */
    @Test
    void keepaliveNoticesAHungServerAndTheBotComesBack(TestClients clients) throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("bosh-hung");
        try (BotUnderTest bot = startBot(room, Duration.ofSeconds(1))) {
            List<Boolean> sessions = recordSessions(bot);
            try {
                servers.server().freeze();
                await().atMost(Duration.ofSeconds(60)).until(() -> !bot.bot().session().isOnline());
            } finally {
                servers.server().thaw();
            }
            if (servers.kind() == ServerKind.PROSODY) {
                awaitBackInRoom(bot, room, sessions, RoomLeftEvent.Reason.CONNECTION_LOST);
            } else {
                awaitBackInRoom(bot, room, sessions, null);
                assertThat(bot.events().inRoom(room.toString(), RoomLeftEvent.class)).extracting(RoomLeftEvent::reason)
                        .contains(RoomLeftEvent.Reason.CONNECTION_LOST)
                        .isSubsetOf(RoomLeftEvent.Reason.CONNECTION_LOST, RoomLeftEvent.Reason.MEMBERSHIP_LOST);
            }
            answersAgain(clients, bot, room, "erin");
        }
    }

    private BotUnderTest startBot(EntityBareJid... rooms) throws Exception {
        return startBot(Duration.ofSeconds(60), rooms);
    }

    private BotUnderTest startBot(EntityBareJid room, Duration pingInterval) throws Exception {
        return startBot(pingInterval, room);
    }

    private BotUnderTest startBot(Duration pingInterval, EntityBareJid... rooms) throws Exception {
        BotUnderTest.Builder builder = BotUnderTest.builder(servers.server()).overBosh()
                .plugin(new PingPlugin("pong over BOSH"))
                .admin(JidCreate.entityBareFrom(BOT_ADMIN + "@" + servers.server().domain()))
                .backoffMax(Duration.ofSeconds(1))
                .pingInterval(pingInterval)
                .dataDirectory(dataDirectory);
        for (EntityBareJid room : rooms) {
            builder.room(room, BotUnderTest.titled("Over BOSH", "Kept over HTTP binding"), PingPlugin.ID);
        }
        BotUnderTest bot = builder.start();
        try {
            return bot.awaitJoined(rooms);
        } catch (RuntimeException | Error e) {
            bot.close();
            throw e;
        }
    }

    /** Every new session from now on: true when it was resumed. */
    private static List<Boolean> recordSessions(BotUnderTest bot) {
        List<Boolean> sessions = new CopyOnWriteArrayList<>();
        bot.bot().session().addListener(sessions::add);
        return sessions;
    }

    private static void awaitBackInRoom(BotUnderTest bot, EntityBareJid room, List<Boolean> sessions,
                                        RoomLeftEvent.Reason expectedLeave) {
        // The room may still count as joined until the bot learns of the cut: wait for the new session's join.
        await().atMost(Duration.ofSeconds(60)).until(() -> !sessions.isEmpty()
                && bot.events().inRoom(room.toString(), RoomJoinedEvent.class).size() >= 2);
        bot.awaitJoined(room);
        assertThat(sessions).as("new sessions after the cut: BOSH cannot resume").doesNotContain(true);
        if (expectedLeave != null) {
            assertThat(bot.events().inRoom(room.toString(), RoomJoinedEvent.class)).hasSize(2);
            assertThat(bot.events().inRoom(room.toString(), RoomLeftEvent.class)).extracting(RoomLeftEvent::reason)
                    .containsExactly(expectedLeave);
        }
    }

    private static void answersAgain(TestClients clients, BotUnderTest bot, EntityBareJid room, String user) {
        XmppTestClient client = clients.connect(user);
        client.join(room, user);
        awaitSeenByBot(bot, room, user);
        // Asked again until answered: a command said while the bot is between two joins is not for it to see.
        await("the bot's pong after the cut").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(3))
                .until(() -> {
                    if (client.receivedFrom(room).stream().anyMatch(pong(room))) {
                        return true;
                    }
                    client.say(room, "!ping");
                    return false;
                });
    }

    private static void awaitSeenByBot(BotUnderTest bot, EntityBareJid room, String nick) {
        await().atMost(Duration.ofSeconds(60)).until(() -> bot.events().inRoom(room.toString(),
                OccupantJoinedEvent.class).stream().anyMatch(joined -> joined.occupant().nick().equals(nick)));
    }

    private static java.util.function.Predicate<Message> pong(EntityBareJid room) {
        return message -> message.getFrom() != null && room.equals(message.getFrom().asBareJid())
                && message.getBody() != null && message.getBody().contains("pong over BOSH");
    }

    private static EntityFullJid botJid(BotUnderTest bot) throws Exception {
        return JidCreate.entityFullFrom(bot.config().connection().jid(), bot.config().connection().resource());
    }
}
