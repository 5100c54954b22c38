package org.majordome.webchat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jivesoftware.smack.AbstractXMPPConnection;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.parts.Resourcepart;
import org.majordome.api.text.Wording;
import org.majordome.config.ConnectionSettings;
import org.majordome.text.TextService;
import org.majordome.webchat.Frames.ErrorCode;
import org.majordome.webchat.GuestHostVerbs.Event;
import org.majordome.xmpp.GuestConnections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The visitors' sessions inside the guest host: each one a {@link VisitorSession} whose events become lines for the
 * bot. A session's commands run in order on a virtual thread of its own (a login blocks; a stalled connection must
 * hold up only its own visitor), one after the other as the bot sent them.
 */
final class HostedRooms {

    private static final Logger log = LoggerFactory.getLogger(HostedRooms.class);

    /** One visitor's session and the queue its commands run on. */
    private static final class Hosted {
        final ExecutorService commands = Executors.newSingleThreadExecutor(Thread.ofVirtual().factory());
        final Wording words;
        volatile VisitorSession session;

        Hosted(Wording words) {
            this.words = words;
        }
    }

    private final GuestConnections guests;
    private final ConnectionSettings settings;
    private final EventLines out;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private final Map<String, Hosted> sessions = new ConcurrentHashMap<>();

    HostedRooms(GuestConnections guests, ConnectionSettings settings, EventLines out, Clock clock,
                ScheduledExecutorService timer) {
        this.guests = guests;
        this.settings = settings;
        this.out = out;
        this.clock = clock;
        this.timer = timer;
    }

    /** Logs in session {@code id} (its resource) and tells the bot whether it is up. */
    void open(String id, EntityBareJid room, Resourcepart nick, String title, Locale language) {
        Hosted hosted = new Hosted(TextService.runtimeWording(language, ZoneOffset.UTC));
        sessions.put(id, hosted);
        hosted.commands.execute(() -> {
            try {
                AbstractXMPPConnection connection = guests.open(settings.jid(), settings.password(),
                        Resourcepart.from(id));
                hosted.session = new VisitorSession(connection, room, nick, title, hosted.words, events(id, hosted),
                        clock, timer);
                out.send(Event.OPENED, id);
            } catch (Exception e) {
                log.debug("Session {} could not be opened: {}", id, e.toString());
                out.send(Event.OPEN_FAILED, id, e.toString());
            }
        });
    }

    void join(String id) {
        run(id, VisitorSession::join);
    }

    void say(String id, String text) {
        run(id, session -> session.say(text));
    }

    void sendPrivate(String id, String to, String text) {
        run(id, session -> session.sendPrivate(Resourcepart.from(to), text));
    }

    /** Leaves the room and forgets the session. */
    void close(String id) {
        Hosted hosted = sessions.remove(id);
        if (hosted != null) {
            hosted.commands.execute(() -> {
                if (hosted.session != null) {
                    hosted.session.close();
                }
            });
            hosted.commands.shutdown();
        }
    }

    /** Closes every session (the bot is gone), waiting a few seconds at most for them to leave their rooms. */
    void closeAll() throws InterruptedException {
        List<Hosted> all = List.copyOf(sessions.values());
        for (String id : List.copyOf(sessions.keySet())) {
            close(id);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (Hosted hosted : all) {
            hosted.commands.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    private interface Command {
        void run(VisitorSession session) throws Exception;
    }

    private void run(String id, Command command) {
        Hosted hosted = sessions.get(id);
        if (hosted == null) {
            return;
        }
        hosted.commands.execute(() -> {
            VisitorSession session = hosted.session;
            if (session == null) {
                return;
            }
            try {
                command.run(session);
            } catch (Exception e) {
                // Not connected any more (a lost connection ends the session by itself, told once by the bot).
                log.debug("Session {}: a command failed: {}", id, e.toString());
                out.send(Event.ENDED, id,
                        Frames.error(ErrorCode.UNAVAILABLE, hosted.words.format("webchat.connection-lost")));
            }
        });
    }

    /** The session's events as lines for the bot, written from Smack's threads without waiting. */
    private VisitorSession.Events events(String id, Hosted hosted) {
        return new VisitorSession.Events() {
            @Override
            public void frame(String json) {
                out.send(Event.FRAME, id, json);
            }

            @Override
            public void joined() {
                out.send(Event.JOINED, id);
            }

            @Override
            public void ended(String lastFrame) {
                out.send(Event.ENDED, id, lastFrame);
            }

            @Override
            public void kicked(String by, String reason) {
                out.send(Event.KICKED, id, by, reason);
            }

            @Override
            public void bannedByServer(String affiliation, String by, String reason) {
                out.send(Event.BANNED, id, affiliation, by, reason);
            }

            @Override
            public void refusedAsBanned(String refusal) {
                out.send(Event.REFUSED, id, refusal);
            }

            @Override
            public void enteredAs(String role) {
                out.send(Event.ENTERED, id, hosted.session.nick().toString(), role);
            }

            @Override
            public void roleChanged(String role) {
                out.send(Event.ROLE, id, role);
            }
        };
    }
}
