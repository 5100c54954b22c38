package org.majordome.webchat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.concurrent.ScheduledExecutorService;

import org.jivesoftware.smack.AbstractXMPPConnection;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.parts.Resourcepart;
import org.majordome.config.Secret;
import org.majordome.text.TextService;
import org.majordome.xmpp.GuestConnections;

/**
 * The visitors' sessions in the bot's own JVM ({@code sessions: in-process}): simplest, and what the guest host
 * process runs inside itself; but a surge's parsing then competes with the bot's own threads.
 */
final class InProcessSessions implements RoomSessions {

    private final GuestConnections guests;
    private final EntityBareJid account;
    private final Secret password;
    private final Clock clock;
    private final ScheduledExecutorService timer;

    InProcessSessions(GuestConnections guests, EntityBareJid account, Secret password, Clock clock,
                      ScheduledExecutorService timer) {
        this.guests = guests;
        this.account = account;
        this.password = password;
        this.clock = clock;
        this.timer = timer;
    }

    @Override
    public RoomSession open(Request request, VisitorSession.Events events) throws Exception {
        AbstractXMPPConnection connection = guests.open(account, password, Resourcepart.from(request.resource()));
        return new VisitorSession(connection, request.room(), request.nick(), request.title(),
                TextService.runtimeWording(request.language(), ZoneOffset.UTC), events, clock, timer);
    }

    @Override
    public void close() {
        // Each visitor closes its own session.
    }
}
