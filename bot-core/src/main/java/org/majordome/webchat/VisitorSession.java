package org.majordome.webchat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jivesoftware.smack.AbstractXMPPConnection;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.StanzaListener;
import org.jivesoftware.smack.filter.FromMatchesFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.jivesoftware.smackx.muc.MUCAffiliation;
import org.jivesoftware.smackx.muc.packet.MUCInitialPresence;
import org.jivesoftware.smackx.muc.packet.MUCItem;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.majordome.api.text.Wording;
import org.majordome.webchat.Frames.ErrorCode;

/**
 * One visitor's XMPP session in one room (XEP-0045 §7): joins under the visitor's nick with the server's default
 * history (§7.2.15), relays what the room says to the visitor as frames, and sends what the visitor says. Stanzas
 * are handled on Smack's in-order listener thread, which only turns them into frames for the visitor's outbox and
 * never waits.
 */
final class VisitorSession implements RoomSession {

    /** How long after entering the room the visitor waits at most for the subject that ends the replay. */
    static final Duration SUBJECT_WAIT = Duration.ofSeconds(5);

    /** Told what the session sees; called on Smack's threads and the timer: never block. */
    interface Events {
        void frame(String json);

        /** The room took the visitor in (occupants and history have been relayed). */
        void joined();

        /** The session is over: the room refused or removed the visitor, or the connection was lost. */
        void ended(String lastFrame);

        /**
         * The room kicked the visitor (§8.2, status 307). The session is over; the visitor tells the page how it
         * ended: only the gateway knows whether that kick is its own ban (it bans by kicking), and a session in
         * another process cannot ask it synchronously.
         */
        void kicked(String by, String reason);

        /**
         * The server removed the visitor with a ban (§9.1, status 301): from the gateway's own ban, or because the
         * shared account was outcast from an XMPP client; {@code affiliation} is the one the account had when the
         * visitor entered. The session is over; the visitor tells the page how it ended.
         */
        void bannedByServer(String affiliation, String by, String reason);

        /**
         * The room refused the visitor as banned (§7.2.7, {@code forbidden}); {@code refusal} is the frame that says
         * so. The session is over; the visitor decides what to tell, since the one outcast may be the account.
         */
        void refusedAsBanned(String refusal);

        /** The room took the visitor in with this role (§5.1); a {@code visitor} has no voice. */
        void enteredAs(String role);

        /** A moderator changed the visitor's role while they were in (§8.4 voice revoked, §8.3 granted). */
        void roleChanged(String role);
    }

    private final AbstractXMPPConnection connection;
    private final EntityBareJid room;
    private final String title;
    private final Events events;
    /** The runtime's texts in the visitor's language (the room's), for what the gateway tells them. */
    private final Wording words;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private final StanzaListener listener = this::onStanza;
    private final FromMatchesFilter fromRoom;
    private volatile Resourcepart nick;
    private volatile boolean inRoom;
    /** The account's affiliation as the room gave it when the visitor entered. */
    private volatile String affiliationAtEntry = "none";
    /** The visitor's role in the room now (Smack's in-order listener thread only). */
    private String role = "none";
    private boolean joinedSent;
    private volatile boolean over;

    VisitorSession(AbstractXMPPConnection connection, EntityBareJid room, Resourcepart nick, String title,
                   Wording words, Events events, Clock clock, ScheduledExecutorService timer) {
        this.words = words;
        this.connection = connection;
        this.room = room;
        this.nick = nick;
        this.title = title;
        this.events = events;
        this.clock = clock;
        this.timer = timer;
        this.fromRoom = FromMatchesFilter.create(room);
    }

    /** Listens to the room and asks to enter it. */
    @Override
    public void join() throws SmackException.NotConnectedException, InterruptedException {
        connection.addSyncStanzaListener(listener, fromRoom);
        connection.addConnectionListener(new ConnectionListener() {
            @Override
            public void connectionClosedOnError(Exception e) {
                end(Frames.error(ErrorCode.UNAVAILABLE, words.format("webchat.room-connection-lost")));
            }
        });
        connection.sendStanza(connection.getStanzaFactory().buildPresenceStanza()
                .to(JidCreate.entityFullFrom(room, nick))
                .addExtension(new MUCInitialPresence(null, -1, -1, -1, null))
                .build());
    }

    @Override
    public void say(String text) throws SmackException.NotConnectedException, InterruptedException {
        connection.sendStanza(connection.getStanzaFactory().buildMessageStanza()
                .ofType(Message.Type.groupchat).to(room).setBody(text).build());
    }

    /** A private message within the room (XEP-0045 §7.5). */
    @Override
    public void sendPrivate(Resourcepart to, String text) throws SmackException.NotConnectedException, InterruptedException {
        connection.sendStanza(connection.getStanzaFactory().buildMessageStanza()
                .ofType(Message.Type.chat).to(JidCreate.entityFullFrom(room, to)).setBody(text)
                .addExtension(new MUCUser()).build());
    }

    @Override
    public Resourcepart nick() {
        return nick;
    }

    /** Leaves the room (§7.14) and ends the session; nothing more is relayed. */
    @Override
    public void close() {
        over = true;
        connection.removeSyncStanzaListener(listener);
        if (connection.isConnected()) {
            try {
                connection.sendStanza(connection.getStanzaFactory().buildPresenceStanza()
                        .ofType(Presence.Type.unavailable).to(JidCreate.entityFullFrom(room, nick)).build());
            } catch (SmackException.NotConnectedException | InterruptedException e) {
                // Going anyway: the server takes the visitor out of the room when the stream ends.
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        connection.disconnect();
    }

    private void onStanza(Stanza stanza) {
        if (over) {
            return;
        }
        if (stanza instanceof Presence presence) {
            onPresence(presence);
        } else if (stanza instanceof Message message) {
            onMessage(message);
        }
    }

    private void onPresence(Presence presence) {
        Resourcepart from = presence.getFrom().getResourceOrNull();
        if (from == null) {
            return;
        }
        if (presence.getType() == Presence.Type.error) {
            if (!inRoom) {
                String refusal = Frames.error(RoomErrors.codeOfRefusal(presence.getError()),
                        RoomErrors.refusal(words, presence.getError()));
                if (presence.getError() != null && presence.getError().getCondition() == StanzaError.Condition.forbidden
                        && !over) {
                    over = true;
                    events.refusedAsBanned(refusal);
                    return;
                }
                end(refusal);
            }
            return;
        }
        MUCUser muc = MUCUser.from(presence);
        MUCItem item = muc == null ? null : muc.getItem();
        Set<MUCUser.Status> statuses = muc == null ? Set.of() : muc.getStatus();
        boolean self = statuses.contains(MUCUser.Status.PRESENCE_TO_SELF_110) || from.equals(nick);
        String role = item == null || item.getRole() == null ? "none" : item.getRole().name();
        String affiliation = item == null || item.getAffiliation() == null ? "none" : item.getAffiliation().name();
        if (presence.getType() == Presence.Type.available) {
            if (self && !inRoom) {
                nick = from;
                inRoom = true;
                affiliationAtEntry = affiliation;
                if (item != null && (item.getAffiliation() == MUCAffiliation.owner
                        || item.getAffiliation() == MUCAffiliation.admin)) {
                    // A visitor must stay someone the room's moderators (and the bot) can kick and ban.
                    end(Frames.error(ErrorCode.NOT_ALLOWED, words.format("webchat.account-affiliated",
                            String.valueOf(affiliation))));
                    return;
                }
                this.role = role;
                events.enteredAs(role);
                timer.schedule(this::joinedWithoutSubject, SUBJECT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } else if (self && !role.equals(this.role)) {
                this.role = role;
                events.roleChanged(role);
            }
            events.frame(Frames.presence(from.toString(), role, affiliation, true));
            return;
        }
        if (!self) {
            events.frame(Frames.presence(from.toString(), role, affiliation, false));
            return;
        }
        if (statuses.contains(MUCUser.Status.NEW_NICKNAME_303)) {
            return;
        }
        String by = item == null || item.getActorNick() == null ? "" : item.getActorNick().toString();
        String reason = item == null || item.getReason() == null ? "" : item.getReason();
        if (statuses.contains(MUCUser.Status.KICKED_307)) {
            if (!over) {
                over = true;
                events.kicked(by, reason);
            }
        } else if (statuses.contains(MUCUser.Status.BANNED_301)) {
            // The gateway never outcasts the account (it kicks): unless the gateway has just banned this visitor,
            // this ban came from the server, and the gateway decides whether it holds on this visitor.
            if (!over) {
                over = true;
                events.bannedByServer(affiliationAtEntry, by, reason);
            }
        } else {
            end(Frames.error(ErrorCode.UNAVAILABLE, reason.isEmpty() ? words.format("webchat.out")
                    : words.format("webchat.out.reason", reason)));
        }
    }

    private void onMessage(Message message) {
        Resourcepart from = message.getFrom().getResourceOrNull();
        String sender = from == null ? "" : from.toString();
        if (message.getType() == Message.Type.error) {
            StanzaError error = message.getError();
            events.frame(Frames.error(RoomErrors.codeOfMessageError(error), RoomErrors.messageError(words, error)));
            return;
        }
        if (message.getType() == Message.Type.groupchat) {
            if (message.getSubject() != null && message.getBody() == null) {
                onSubject(message.getSubject(), sender);
                return;
            }
            if (message.getBody() != null) {
                DelayInformation delay = DelayInformation.from(message);
                Instant time = delay == null ? clock.instant() : delay.getStamp().toInstant();
                events.frame(Frames.message(sender, message.getBody(), time, delay != null || !joinedSent(),
                        false, from != null && from.equals(nick)));
            }
            return;
        }
        if (from != null && message.getBody() != null && message.getType() != Message.Type.normal) {
            DelayInformation delay = DelayInformation.from(message);
            events.frame(Frames.message(sender, message.getBody(),
                    delay == null ? clock.instant() : delay.getStamp().toInstant(), delay != null, true, false));
        }
    }

    private void onSubject(String subject, String by) {
        if (markJoined()) {
            events.frame(Frames.joined(room.toString(), nick.toString(), subject, title));
            events.joined();
        } else {
            events.frame(Frames.subject(subject, by));
        }
    }

    /** A room that sends no subject still lets the visitor in. */
    private void joinedWithoutSubject() {
        if (!over && markJoined()) {
            events.frame(Frames.joined(room.toString(), nick.toString(), "", title));
            events.joined();
        }
    }

    private synchronized boolean markJoined() {
        if (joinedSent || !inRoom) {
            return false;
        }
        joinedSent = true;
        return true;
    }

    private synchronized boolean joinedSent() {
        return joinedSent;
    }

    private void end(String lastFrame) {
        if (over) {
            return;
        }
        over = true;
        events.ended(lastFrame);
    }
}
