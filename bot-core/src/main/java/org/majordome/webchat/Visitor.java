package org.majordome.webchat;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.jivesoftware.smack.AbstractXMPPConnection;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.jxmpp.stringprep.XmppStringprepException;
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
    private final MessageRate rate;
    private final Clock clock;
    private final BlockingQueue<String> inbox = new ArrayBlockingQueue<>(INBOX);
    private final Thread reader;
    private volatile Instant lastActive;
    private volatile boolean closed;

    // The room session: changed by the reader thread (join, leave) and by the session's end (Smack's thread).
    private VisitorSession session;
    private String room;
    private String resource;
    private volatile boolean joined;
    private volatile boolean bannedHere;

    Visitor(Identity identity, WebChatGateway gateway, Outbox out, Clock clock) {
        this.identity = identity;
        this.gateway = gateway;
        this.out = out;
        this.clock = clock;
        this.rate = new MessageRate(gateway.settings().messagesPerMinute(), clock);
        this.lastActive = clock.instant();
        this.reader = Thread.ofVirtual().name("webchat-visitor").start(this::readFrames);
    }

    Identity identity() {
        return identity;
    }

    Instant lastActive() {
        return lastActive;
    }

    /** A frame from the page (on Jetty's thread: only queued). */
    void received(String text) {
        lastActive = clock.instant();
        if (!inbox.offer(text)) {
            out.offer(Frames.error(ErrorCode.RATE, "Too many requests at once: please slow down."));
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
        out.finish(Frames.error(ErrorCode.UNAVAILABLE, "You were disconnected after a long time without activity."),
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
            out.offer(Frames.error(ErrorCode.NOT_ALLOWED, "The chat did not understand that request."));
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
            out.offer(Frames.error(ErrorCode.UNAVAILABLE, "Something went wrong. Please try again."));
        }
    }

    private void join(String roomText, String nickText) throws InterruptedException {
        leaveRoom();
        EntityBareJid roomJid;
        try {
            roomJid = JidCreate.entityBareFrom(roomText);
        } catch (XmppStringprepException | RuntimeException e) {
            roomJid = null;
        }
        java.util.Optional<String> title = roomJid == null ? java.util.Optional.empty() : gateway.rooms().title(roomJid);
        if (title.isEmpty()) {
            out.offer(Frames.error(ErrorCode.NOT_ALLOWED, "There is no room by that name here."));
            return;
        }
        Resourcepart nick = validNick(nickText);
        if (nick == null) {
            out.offer(Frames.error(ErrorCode.NICK_REFUSED, "Please choose a nick of 1 to " + MAX_NICK
                    + " visible characters."));
            return;
        }
        String roomKey = roomJid.toString();
        if (gateway.bans().banned(roomKey, identity)) {
            out.offer(Frames.error(ErrorCode.BANNED, "You are banned from this room."));
            return;
        }
        if (!gateway.limits().enter(roomKey)) {
            out.offer(Frames.error(ErrorCode.FULL, "The chat is full right now. Please try again later."));
            return;
        }
        String sessionResource = gateway.newResource();
        synchronized (this) {
            room = roomKey;
            resource = sessionResource;
            bannedHere = false;
            joined = false;
        }
        gateway.entered(sessionResource, this);
        AbstractXMPPConnection connection;
        try {
            connection = gateway.openSession(sessionResource);
        } catch (Exception e) {
            log.warn("Web chat: could not open a session for a visitor: {}", e.toString());
            release(null);
            out.offer(Frames.error(ErrorCode.UNAVAILABLE, "The chat cannot reach the server right now. "
                    + "Please try again later."));
            if (e instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            return;
        }
        VisitorSession opened = new VisitorSession(connection, roomJid, nick, title.get(), this, clock,
                gateway.timer());
        synchronized (this) {
            if (closed || !sessionResource.equals(resource)) {
                connection.disconnect();
                return;
            }
            session = opened;
        }
        try {
            opened.join();
        } catch (Exception e) {
            ended(Frames.error(ErrorCode.UNAVAILABLE, "The chat lost its connection. Please join again."));
        }
    }

    private void say(String text, String to) throws InterruptedException {
        VisitorSession current;
        synchronized (this) {
            current = joined ? session : null;
        }
        if (current == null) {
            out.offer(Frames.error(ErrorCode.NOT_ALLOWED, "Please join a room first."));
            return;
        }
        if (text.isBlank()) {
            return;
        }
        if (text.length() > gateway.settings().maxMessageLength()) {
            out.offer(Frames.error(ErrorCode.TOO_LONG, "Messages may be at most "
                    + gateway.settings().maxMessageLength() + " characters long."));
            return;
        }
        if (!rate.tryTake()) {
            out.offer(Frames.error(ErrorCode.RATE, "You are sending too fast. Please wait a moment."));
            return;
        }
        try {
            if (to == null) {
                current.say(text);
            } else {
                Resourcepart target = validNick(to);
                if (target == null) {
                    out.offer(Frames.error(ErrorCode.UNAVAILABLE, "Nobody by that name is here."));
                    return;
                }
                current.sendPrivate(target, text);
                // The room does not reflect private messages: the page sees its own in the same shape, with "to".
                out.offer(Frames.privateSent(current.nick().toString(), target.toString(), text, clock.instant()));
            }
        } catch (org.jivesoftware.smack.SmackException.NotConnectedException e) {
            ended(Frames.error(ErrorCode.UNAVAILABLE, "The chat lost its connection. Please join again."));
        }
    }

    static Resourcepart validNick(String text) {
        String nick = text == null ? "" : text.strip();
        if (nick.isEmpty() || nick.length() > MAX_NICK || nick.codePoints().anyMatch(Visitor::invisible)) {
            return null;
        }
        try {
            return Resourcepart.from(nick);
        } catch (XmppStringprepException | RuntimeException e) {
            return null;
        }
    }

    /** Control and bidirectional formatting characters: a nick that hides or reorders text is refused. */
    private static boolean invisible(int codePoint) {
        return Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.FORMAT;
    }

    // ---------------------------------------------------------------- the room session's events

    @Override
    public void frame(String json) {
        out.offer(json);
    }

    @Override
    public void joined() {
        joined = true;
    }

    @Override
    public void ended(String lastFrame) {
        out.offer(lastFrame);
        VisitorSession ending;
        synchronized (this) {
            ending = session;
        }
        // Not on Smack's thread: closing the connection waits for it.
        if (ending != null) {
            Thread.ofVirtual().start(() -> release(ending));
        }
    }

    @Override
    public boolean bannedHere() {
        return bannedHere;
    }

    private void leaveRoom() {
        VisitorSession current;
        synchronized (this) {
            current = session;
        }
        if (current != null || resource != null) {
            release(current);
        }
    }

    /** Gives back the place and session of {@code which} (null: the one being opened), if it is still current. */
    private void release(VisitorSession which) {
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
        if (which != null) {
            which.close();
        }
    }
}
