package org.majordome.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.muc.MucEnterConfiguration;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * A real user for integration tests: one logged-in Smack connection that records every message it
 * receives. Moderation, configuration and other room actions are plain Smack calls on {@link #muc} or
 * {@link #connection()}; this class only removes the boilerplate around them.
 */
public final class XmppTestClient implements AutoCloseable {

    /** Bounds a wait for what the server, the bot or another client sends: generous, the machine may be loaded. */
    static final Duration AWAIT_TIMEOUT = Duration.ofSeconds(60);

    private static final java.time.Duration REPLY_TIMEOUT = java.time.Duration.ofSeconds(60);

    private final XMPPTCPConnectionConfiguration configuration;
    private final List<Message> received = new CopyOnWriteArrayList<>();
    private final Map<EntityBareJid, MultiUserChat> rooms = new ConcurrentHashMap<>();
    private volatile XMPPTCPConnection connection;

    private XmppTestClient(XMPPTCPConnectionConfiguration configuration) {
        this.configuration = configuration;
    }

    /** Connects and logs in with the given configuration. */
    public static XmppTestClient connect(XMPPTCPConnectionConfiguration configuration) {
        XmppTestClient client = new XmppTestClient(configuration);
        client.openConnection();
        return client;
    }

    public XMPPTCPConnection connection() {
        return connection;
    }

    /** The full JID this client is bound to. */
    public EntityFullJid jid() {
        return connection.getUser();
    }

    public EntityBareJid bareJid() {
        return connection.getUser().asEntityBareJid();
    }

    /**
     * Enters a room without history (XEP-0045 §7.2.14). When the room is new, it is unlocked at once with the
     * server's default configuration (an "instant room", §10.1.2), so others can join.
     */
    public MultiUserChat join(EntityBareJid room, String nick) {
        return join(room, nick, null);
    }

    /** Enters a password-protected room (XEP-0045 §7.2.6). */
    public MultiUserChat join(EntityBareJid room, String nick, String password) {
        MultiUserChat muc = muc(room);
        try {
            MucEnterConfiguration.Builder enter = muc.getEnterConfigurationBuilder(Resourcepart.from(nick))
                    .requestNoHistory();
            if (password != null) {
                enter.withPassword(password);
            }
            MultiUserChat.MucCreateConfigFormHandle created = muc.createOrJoin(enter.build());
            if (created != null) {
                created.makeInstant();
            }
            return muc;
        } catch (XmppStringprepException e) {
            throw new IllegalArgumentException("invalid nick: " + nick, e);
        } catch (XMPPException | SmackException e) {
            throw new IllegalStateException(bareJid() + " cannot join " + room + " as " + nick + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted joining " + room, e);
        }
    }

    /** Smack's handle on a room, for direct calls (kick, grant, configuration form...). */
    public MultiUserChat muc(EntityBareJid room) {
        return rooms.computeIfAbsent(room, jid -> MultiUserChatManager.getInstanceFor(connection).getMultiUserChat(jid));
    }

    /** Sends a groupchat message to a joined room. */
    public void say(EntityBareJid room, String body) {
        try {
            muc(room).sendMessage(body);
        } catch (SmackException.NotConnectedException e) {
            throw new IllegalStateException(bareJid() + " is not connected", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted sending to " + room, e);
        }
    }

    /**
     * Sends a private message to an occupant through the room (XEP-0045 §7.5): a {@code chat} message to
     * {@code room/nick}, marked with an empty MUC user element as the XEP recommends.
     */
    public void sayPrivately(EntityBareJid room, String nick, String body) {
        try {
            send(JidCreate.entityFullFrom(room, Resourcepart.from(nick)), body, true);
        } catch (XmppStringprepException e) {
            throw new IllegalArgumentException("invalid nick: " + nick, e);
        }
    }

    /** Sends a one-to-one {@code chat} message, outside any room. */
    public void chat(Jid to, String body) {
        send(to, body, false);
    }

    private void send(Jid to, String body, boolean throughRoom) {
        MessageBuilder message = connection.getStanzaFactory().buildMessageStanza()
                .ofType(Message.Type.chat).to(to).setBody(body);
        if (throughRoom) {
            message.addExtension(new MUCUser());
        }
        try {
            connection.sendStanza(message.build());
        } catch (SmackException.NotConnectedException e) {
            throw new IllegalStateException(bareJid() + " is not connected", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted sending to " + to, e);
        }
    }

    /** Every message received so far, in arrival order (groupchat, chat, errors...). */
    public List<Message> received() {
        return List.copyOf(received);
    }

    /** Messages with a body that came from the given room (groupchat or private from an occupant). */
    public List<Message> receivedFrom(EntityBareJid room) {
        return received.stream()
                .filter(message -> message.getFrom() != null && room.equals(message.getFrom().asBareJid()))
                .filter(message -> message.getBody() != null)
                .toList();
    }

    /** The bodies received from a room, in arrival order. */
    public List<String> bodiesFrom(EntityBareJid room) {
        return receivedFrom(room).stream().map(Message::getBody).toList();
    }

    /** Waits until a message matching the predicate has arrived, and returns the first such message. */
    public Message awaitMessage(String description, Predicate<Message> matches) {
        return await(bareJid() + " receiving " + description)
                .atMost(AWAIT_TIMEOUT)
                .pollInterval(Duration.ofMillis(10))
                .until(() -> received.stream().filter(matches).findFirst().orElse(null), message -> message != null);
    }

    /** Waits for a message with exactly this body from the room. */
    public Message awaitBodyFrom(EntityBareJid room, String body) {
        return awaitMessage("\"" + body + "\" from " + room, message -> message.getFrom() != null
                && room.equals(message.getFrom().asBareJid()) && body.equals(message.getBody()));
    }

    public void clearReceived() {
        received.clear();
    }

    /**
     * Connects and logs in again, on a new connection, after the old one dropped (or drops it first): what a
     * user's client does after a server restart. Rooms must be joined again. A new connection rather than
     * {@code connect()} on the old one, because Smack's room objects would still believe they are joined.
     */
    public void reconnect() {
        connection.instantShutdown();
        rooms.clear();
        openConnection();
    }

    /** Waits until the client noticed its connection is gone (e.g. after the server was killed). */
    public void awaitDisconnected() {
        await(configuration.getUsername() + " noticing the disconnection")
                .atMost(AWAIT_TIMEOUT)
                .pollInterval(Duration.ofMillis(10))
                .until(() -> !connection.isConnected());
    }

    @Override
    public void close() {
        connection.instantShutdown();
    }

    @Override
    public String toString() {
        return "XmppTestClient[" + (connection.isAuthenticated() ? jid() : configuration.getUsername())
                + "]";
    }

    private void openConnection() {
        XMPPTCPConnection fresh = new XMPPTCPConnection(configuration);
        // Generous: a test client waiting for a join or a form on a loaded 2-core machine is not what is tested.
        fresh.setReplyTimeout(REPLY_TIMEOUT.toMillis());
        // A synchronous listener keeps arrival order; it only appends, so it never stalls the reader.
        fresh.addSyncStanzaListener(stanza -> received.add((Message) stanza), StanzaTypeFilter.MESSAGE);
        try {
            fresh.connect().login();
        } catch (XMPPException | SmackException | IOException e) {
            fresh.instantShutdown();
            throw new IllegalStateException(configuration.getUsername() + " cannot connect and log in to "
                    + configuration.getHostAddress() + ":" + configuration.getPort() + ": " + e, e);
        } catch (InterruptedException e) {
            fresh.instantShutdown();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted connecting " + configuration.getUsername(), e);
        }
        connection = fresh;
    }
}
