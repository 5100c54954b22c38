package org.majordome.webchat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.jxmpp.stringprep.XmppStringprepException;
import org.majordome.api.text.Wording;
import org.majordome.text.TextService;
import org.majordome.webchat.Frames.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One visitor on one socket: reads their frames in order on a virtual thread of their own (joining waits for a
 * login, which must not hold Jetty's thread), keeps at most one room session at a time, and enforces the limits
 * (the room's and the gateway's places, message size and rate).
 */
final class Visitor implements VisitorSession.Events {

    /** Who the visitor is on the web: their cookie's id and the keyed hash of their address. */
    record Identity(String id, String addressHash) {
    }

    /** A nick longer than this is refused before the room is asked. */
    static final int MAX_NICK = 64;
    private static final int INBOX = 32;
    private static final Logger log = LoggerFactory.getLogger(Visitor.class);

    private final Identity identity;
    private final WebChatGateway gateway;
    private final Outbox out;
    private final VisitorSpeech speech;
    private final Clock clock;
    private final BlockingQueue<String> inbox = new ArrayBlockingQueue<>(INBOX);
    private final Thread reader;
    private volatile Instant lastActive;
    private volatile boolean closed;

    // The room session: changed by the reader thread (join, leave) and by the session's end (Smack's thread).
    private RoomSession session;
    private String room;
    private String resource;
    private volatile boolean joined;
    private volatile boolean bannedHere;
    /** What the gateway tells this visitor is in this language: the bot's at first, then the room's they chose. */
    private volatile Locale language;
    /** The join under way follows a lift of the account's outcast: a second refusal is the visitor's to read. */
    private volatile boolean retryingAfterOutcast;
    private boolean joinAfterOutcast;

    Visitor(Identity identity, WebChatGateway gateway, Outbox out, Clock clock) {
        this.identity = identity;
        this.gateway = gateway;
        this.out = out;
        this.clock = clock;
        this.language = gateway.rooms().defaultLanguage();
        this.speech = new VisitorSpeech(gateway.settings().messagesPerMinute(), gateway.settings().maxMessageLength(),
                out, clock);
        this.lastActive = clock.instant();
        this.reader = Thread.ofVirtual().name("webchat-visitor").start(this::readFrames);
    }

    Identity identity() {
        return identity;
    }

    /** The runtime's texts in the visitor's language: the bot's at first, then the room's they chose. */
    Wording words() {
        return TextService.runtimeWording(language, ZoneOffset.UTC);
    }

    Instant lastActive() {
        return lastActive;
    }

    /** A frame from the page (on Jetty's thread: only queued). */
    void received(String text) {
        lastActive = clock.instant();
        if (!inbox.offer(text)) {
            out.offer(Frames.error(ErrorCode.RATE, words().format("webchat.busy")));
        }
    }

    /** The socket is gone: leave the room and stop. */
    void socketClosed() {
        closed = true;
        reader.interrupt();
        out.stop();
        leaveRoom();
    }

    /** Closes a visitor silent for too long, telling them why. */
    void idleOut() {
        leaveRoom();
        out.finish(Frames.error(ErrorCode.UNAVAILABLE, words().format("webchat.idle")),
                Outbox.NORMAL, "idle");
    }

    /** The gateway banned this visitor from the room they are in: their coming kick is that ban. */
    void markBanned() {
        bannedHere = true;
    }

    /** Whether this visitor is in {@code roomJid} now (or entering it). */
    synchronized boolean isIn(String roomJid) {
        return roomJid.equalsIgnoreCase(room);
    }

    /** Another session of the same visitor was banned from the room this one is in: out too, told why. */
    void bannedOut(String reason) {
        leaveRoom();
        out.offer(Frames.removed("banned", "", reason == null ? "" : reason));
    }

    /** The nick in {@code roomJid} of this visitor's session {@code sessionResource}, when they are there now. */
    synchronized java.util.Optional<String> nickIn(String roomJid, String sessionResource) {
        return session != null && roomJid.equalsIgnoreCase(room) && sessionResource.equals(resource)
                ? java.util.Optional.of(session.nick().toString()) : java.util.Optional.empty();
    }

    private void readFrames() {
        try {
            while (!closed) {
                handle(inbox.take());
            }
        } catch (InterruptedException e) {
            // the socket closed
        }
    }

    private void handle(String text) {
        ClientFrame frame;
        try {
            frame = Frames.parse(text);
        } catch (ClientFrame.Malformed e) {
            out.offer(Frames.error(ErrorCode.NOT_ALLOWED, words().format("webchat.not-understood")));
            return;
        }
        try {
            switch (frame) {
                case ClientFrame.Join join -> join(join.room(), join.nick());
                case ClientFrame.Say say -> say(say.text(), null);
                case ClientFrame.Private whisper -> say(whisper.text(), whisper.to());
                case ClientFrame.Leave ignored -> {
                    leaveRoom();
                    out.offer(Frames.left());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("A web visitor's request failed", e);
            out.offer(Frames.error(ErrorCode.UNAVAILABLE, words().format("webchat.went-wrong")));
        } catch (Exception e) {
            // The session could not send: it is gone.
            ended(Frames.error(ErrorCode.UNAVAILABLE, words().format("webchat.connection-lost")));
        }
    }

    private void join(String roomText, String nickText) throws InterruptedException {
        boolean afterOutcast = retryingAfterOutcast;
        retryingAfterOutcast = false;
        leaveRoom();
        EntityBareJid roomJid;
        try {
            roomJid = JidCreate.entityBareFrom(roomText);
        } catch (XmppStringprepException | RuntimeException e) {
            roomJid = null;
        }
        java.util.Optional<String> title = roomJid == null ? java.util.Optional.empty() : gateway.rooms().title(roomJid);
        if (title.isEmpty()) {
            out.offer(Frames.error(ErrorCode.NOT_ALLOWED, words().format("webchat.no-such-room")));
            return;
        }
        language = gateway.rooms().language(roomJid);
        Resourcepart nick = VisitorNicks.valid(nickText);
        if (nick == null) {
            out.offer(Frames.error(ErrorCode.NICK_REFUSED, words().format("webchat.nick-length", MAX_NICK)));
            return;
        }
        String roomKey = roomJid.toString();
        gateway.startEntering(this);
        String refusal = gateway.refusalBeforeJoin(roomKey, nick.toString(), identity, words());
        if (refusal != null) {
            gateway.doneEntering(this);
            out.offer(refusal);
            return;
        }
        String sessionResource = gateway.newResource();
        synchronized (this) {
            room = roomKey;
            resource = sessionResource;
            bannedHere = false;
            joined = false;
            joinAfterOutcast = afterOutcast;
        }
        gateway.entered(sessionResource, this);
        RoomSession opened;
        try {
            opened = gateway.sessions().open(new RoomSessions.Request(sessionResource, roomJid, nick, title.get(),
                    language), this);
        } catch (Exception e) {
            log.warn("Web chat: could not open a session for a visitor: {}", e.toString());
            release(null);
            out.offer(Frames.error(ErrorCode.UNAVAILABLE, words().format("webchat.unreachable")));
            if (e instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            return;
        }
        synchronized (this) {
            if (closed || !sessionResource.equals(resource)) {
                gateway.doneEntering(this);
                opened.close();
                return;
            }
            session = opened;
        }
        try {
            opened.join();
        } catch (Exception e) {
            ended(Frames.error(ErrorCode.UNAVAILABLE, words().format("webchat.connection-lost")));
        }
    }

    private void say(String text, String to) throws Exception {
        RoomSession current;
        synchronized (this) {
            current = joined ? session : null;
        }
        if (current == null) {
            out.offer(Frames.error(ErrorCode.NOT_ALLOWED, words().format("webchat.join-first")));
            return;
        }
        speech.say(current, text, to, words());
    }

    // ---------------------------------------------------------------- the room session's events

    @Override
    public void frame(String json) {
        out.offer(json);
    }

    @Override
    public void joined() {
        joined = true;
        gateway.doneEntering(this);
    }

    @Override
    public void ended(String lastFrame) {
        out.offer(lastFrame);
        RoomSession ending;
        synchronized (this) {
            ending = session;
        }
        // Not on Smack's thread: closing the connection waits for it.
        if (ending != null) {
            Thread.ofVirtual().start(() -> release(ending));
        }
    }

    @Override
    public void kicked(String by, String reason) {
        // The gateway bans a visitor by kicking them: that kick is their ban.
        ended(Frames.removed(bannedHere ? "banned" : "kicked", by, reason));
    }

    @Override
    public void bannedByServer(String affiliation, String by, String reason) {
        if (bannedHere) {
            ended(Frames.removed("banned", by, reason));
            return;
        }
        String bannedRoom;
        String bannedResource;
        RoomSession ending;
        synchronized (this) {
            bannedRoom = room;
            bannedResource = resource;
            ending = session;
        }
        // Off Smack's thread: the gateway waits for the ban's other removals, then for the room.
        Thread.ofVirtual().start(() -> {
            release(ending);
            boolean banned = false;
            try {
                banned = bannedRoom != null && gateway.bannedByServer(bannedRoom, bannedResource, identity,
                        affiliation, by, reason);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // Removed with others by a ban of the shared account: not banned, they may come back.
            out.offer(Frames.removed(banned ? "banned" : "kicked", by, reason));
        });
    }

    @Override
    public void enteredAs(String role) {
        String at;
        RoomSession current;
        synchronized (this) {
            at = room;
            current = session;
        }
        if (at != null && current != null) {
            gateway.enteredAs(at, current.nick().toString(), identity, role);
        }
    }

    @Override
    public void roleChanged(String role) {
        String at;
        synchronized (this) {
            at = room;
        }
        if (at != null) {
            gateway.roleChanged(at, identity, role);
        }
    }

    @Override
    public void refusedAsBanned(String refusal) {
        String at;
        RoomSession ending;
        boolean mayLift;
        synchronized (this) {
            at = room;
            ending = session;
            mayLift = !joinAfterOutcast && room != null;
        }
        // Off Smack's thread: lifting the outcast waits for the room. The visitor is not banned on the gateway, so
        // the one outcast may be the account they all share (banned while no visitor was in): put it back, try again.
        Thread.ofVirtual().start(() -> {
            String nick = ending == null ? null : ending.nick().toString();
            release(ending);
            if (mayLift && nick != null && !gateway.bans().banned(at, identity) && gateway.liftAccountOutcast(at)) {
                retryingAfterOutcast = true;
                if (inbox.offer(Frames.joinRequest(at, nick))) {
                    return;
                }
                retryingAfterOutcast = false;
            }
            out.offer(refusal);
        });
    }

    private void leaveRoom() {
        RoomSession current;
        synchronized (this) {
            current = session;
        }
        if (current != null || resource != null) {
            release(current);
        }
    }

    /** Gives back the place and session of {@code which} (null: the one being opened), if it is still current. */
    private void release(RoomSession which) {
        String leftRoom;
        String leftResource;
        synchronized (this) {
            if (session != which || resource == null) {
                return;
            }
            leftRoom = room;
            leftResource = resource;
            session = null;
            room = null;
            resource = null;
            joined = false;
        }
        gateway.left(leftRoom, leftResource, identity);
        gateway.doneEntering(this);
        if (which != null) {
            which.close();
        }
    }
}
