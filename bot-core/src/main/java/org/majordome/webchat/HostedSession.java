package org.majordome.webchat;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jxmpp.jid.parts.Resourcepart;
import org.jxmpp.stringprep.XmppStringprepException;
import org.majordome.api.text.Wording;
import org.majordome.webchat.GuestHostVerbs.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A visitor's session in the guest host, as the visitor sees it: what it asks becomes a command line to the host;
 * the nick follows what the room gave. A command the host cannot take (it died) is dropped: its death ends the
 * session with a lost connection anyway, told once.
 */
final class HostedSession implements RoomSession {

    private static final Logger log = LoggerFactory.getLogger(HostedSession.class);

    private final HostedSessions owner;
    private final GuestHost host;
    private final String id;
    private final VisitorSession.Events events;
    private final Wording words;
    private final CompletableFuture<Void> opened = new CompletableFuture<>();
    private final AtomicBoolean over = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Resourcepart nick;

    HostedSession(HostedSessions owner, GuestHost host, RoomSessions.Request request, VisitorSession.Events events,
                  Wording words) {
        this.owner = owner;
        this.host = host;
        this.id = request.resource();
        this.nick = request.nick();
        this.events = events;
        this.words = words;
    }

    String id() {
        return id;
    }

    GuestHost host() {
        return host;
    }

    VisitorSession.Events events() {
        return events;
    }

    /** The texts in the visitor's language, for the end the bot tells itself (the host died). */
    Wording words() {
        return words;
    }

    CompletableFuture<Void> opened() {
        return opened;
    }

    /** Marks the session over; true the first time only, so that a visitor is told its end once. */
    boolean end() {
        return over.compareAndSet(false, true);
    }

    /** The room gave the visitor this nick (§7.2.9: it may change the one asked). */
    void renamed(String given) {
        try {
            nick = Resourcepart.from(given);
        } catch (XmppStringprepException e) {
            log.debug("Web chat: the room gave a nick that is no resource: {}", e.toString());
        }
    }

    @Override
    public void join() {
        send(Command.JOIN);
    }

    @Override
    public void say(String text) {
        send(Command.SAY, text);
    }

    @Override
    public void sendPrivate(Resourcepart to, String text) {
        send(Command.PRIVATE, to.toString(), text);
    }

    @Override
    public Resourcepart nick() {
        return nick;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        over.set(true);
        owner.forget(this);
        if (host.alive()) {
            send(Command.CLOSE);
        }
    }

    private void send(Command command, String... arguments) {
        try {
            host.send(command, id, arguments);
        } catch (IOException e) {
            log.debug("Web chat: the visitors' process took no command: {}", e.toString());
        }
    }
}
