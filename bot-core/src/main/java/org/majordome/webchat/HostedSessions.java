package org.majordome.webchat;

import java.io.IOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.majordome.text.TextService;
import org.majordome.webchat.Frames.ErrorCode;
import org.majordome.webchat.GuestHostVerbs.Command;
import org.majordome.webchat.GuestHostVerbs.Event;
import org.majordome.webchat.GuestHostVerbs.Received;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The visitors' sessions in the guest host process ({@code sessions: process}, the default): a visitor's commands
 * become lines to the host, and the host's events are handed to the visitor's {@link VisitorSession.Events} on the
 * host's reader thread (a lookup, then the visitor offers the frame to its outbox). The host is started at the first
 * visitor; when it dies, every session in it ends as a lost connection and the next visitor starts a new one.
 */
final class HostedSessions implements RoomSessions, GuestHost.Listener {

    /** The longest a visitor waits for the host to log their session in (the server's own answer comes first). */
    static final Duration OPEN_TIMEOUT = Duration.ofSeconds(90);
    private static final Logger log = LoggerFactory.getLogger(HostedSessions.class);

    private final GuestHost.Launch launch;
    private final Map<String, HostedSession> sessions = new ConcurrentHashMap<>();
    private GuestHost host;
    private boolean closed;

    HostedSessions(GuestHost.Launch launch) {
        this.launch = launch;
    }

    @Override
    public RoomSession open(Request request, VisitorSession.Events events) throws Exception {
        GuestHost on = host();
        HostedSession session = new HostedSession(this, on, request, events,
                TextService.runtimeWording(request.language(), ZoneOffset.UTC));
        String id = request.resource();
        sessions.put(id, session);
        boolean opened = false;
        try {
            // A host that died before the session was registered has ended already: died() could not fail it.
            // One that dies from now on fails it in died(), so that waiting on the answer alone is enough.
            if (!on.alive()) {
                throw new IOException("the visitors' process ended");
            }
            on.send(Command.OPEN, id, request.room().toString(), request.nick().toString(), request.title(),
                    request.language().toLanguageTag());
            session.opened().get(OPEN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            opened = true;
        } catch (TimeoutException e) {
            throw new IOException("the visitors' process did not open the session in time");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            if (!opened) {
                // Whatever the host does with it later, nobody waits for it.
                session.close();
            }
        }
        return session;
    }

    /** The host's process id, while one runs. */
    synchronized OptionalLong pid() {
        return host != null && host.alive() ? OptionalLong.of(host.pid()) : OptionalLong.empty();
    }

    /** The host, started now if none runs. */
    private synchronized GuestHost host() throws IOException {
        if (closed) {
            throw new IOException("the web chat is closing");
        }
        if (host == null || !host.alive()) {
            host = GuestHost.start(launch, this);
        }
        return host;
    }

    @Override
    public void event(GuestHost from, Received<Event> event) {
        HostedSession session = sessions.get(event.session());
        if (session == null || session.host() != from) {
            return;
        }
        VisitorSession.Events events = session.events();
        switch (event.verb()) {
            case FRAME -> events.frame(event.argument(0));
            case OPENED -> session.opened().complete(null);
            case OPEN_FAILED -> session.opened().completeExceptionally(new IOException(event.argument(0)));
            case JOINED -> events.joined();
            case ROLE -> events.roleChanged(event.argument(0));
            case ENTERED -> {
                session.renamed(event.argument(0));
                events.enteredAs(event.argument(1));
            }
            case ENDED -> {
                if (session.end()) {
                    events.ended(event.argument(0));
                }
            }
            case KICKED -> {
                if (session.end()) {
                    events.kicked(event.argument(0), event.argument(1));
                }
            }
            case BANNED -> {
                if (session.end()) {
                    events.bannedByServer(event.argument(0), event.argument(1), event.argument(2));
                }
            }
            case REFUSED -> {
                if (session.end()) {
                    events.refusedAsBanned(event.argument(0));
                }
            }
        }
    }

    @Override
    public void died(GuestHost which, int exitCode) {
        synchronized (this) {
            if (host == which) {
                host = null;
            }
        }
        if (!which.closing()) {
            log.warn("Web chat: the visitors' process {} ended (exit code {}); its visitors' sessions are lost, "
                    + "the next visitor starts a new one", which.pid(), exitCode);
        }
        for (HostedSession session : List.copyOf(sessions.values())) {
            if (session.host() != which) {
                continue;
            }
            sessions.remove(session.id(), session);
            // A session still being opened fails its opening instead (the visitor is told it could not be opened).
            boolean wasOpen = !session.opened().completeExceptionally(new IOException("the visitors' process ended"))
                    && !session.opened().isCompletedExceptionally();
            if (wasOpen && session.end()) {
                session.events().ended(Frames.error(ErrorCode.UNAVAILABLE,
                        session.words().format("webchat.connection-lost")));
            }
        }
    }

    /** Forgets a session closed by its visitor. */
    void forget(HostedSession session) {
        sessions.remove(session.id(), session);
    }

    @Override
    public void close() {
        GuestHost stopping;
        synchronized (this) {
            closed = true;
            stopping = host;
        }
        if (stopping != null) {
            stopping.close();
        }
    }
}
