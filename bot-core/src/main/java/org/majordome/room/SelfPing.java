package org.majordome.room;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.ping.packet.Ping;
import org.jxmpp.jid.EntityFullJid;
import org.majordome.xmpp.XmppSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * XEP-0410 self-ping: a room that has been silent for a while is asked, by a ping to the bot's own occupant
 * JID, whether it still counts the bot in; a server can drop a membership without telling (a restart of the
 * MUC component, a lost presence), and only this finds out.
 */
final class SelfPing {

    private static final Logger log = LoggerFactory.getLogger(SelfPing.class);

    private final String room;
    private final XmppSession session;
    private final Clock clock;
    private volatile Instant lastTraffic;

    SelfPing(String room, XmppSession session, Clock clock) {
        this.room = room;
        this.session = session;
        this.clock = clock;
        this.lastTraffic = clock.instant();
    }

    /** The room just showed it counts the bot in (any stanza from it, a join). */
    void heard() {
        lastTraffic = clock.instant();
    }

    /** When the room last showed it counts the bot in: the room's last activity as the bot saw it. */
    Instant lastTraffic() {
        return lastTraffic;
    }

    boolean idleFor(Duration idle) {
        return lastTraffic.plus(idle).isBefore(clock.instant());
    }

    /**
     * Pings the bot's own occupant JID; the room answers only if it still counts the bot in.
     *
     * @param lost told the error condition when the answer says the bot is no longer in the room
     */
    void ping(EntityFullJid self, Consumer<StanzaError.Condition> lost) {
        try {
            session.connection().sendIqRequestAndWaitForResponse(new Ping(self));
            heard();
        } catch (XMPPException.XMPPErrorException e) {
            StanzaError.Condition condition = e.getStanzaError().getCondition();
            switch (condition) {
                // Routed to our own client, which just doesn't do ping: we are still in.
                case service_unavailable, feature_not_implemented, item_not_found -> heard();
                case remote_server_not_found, remote_server_timeout ->
                        log.debug("Room {}: self-ping inconclusive ({})", room, condition);
                default -> {
                    log.warn("Room {}: self-ping says the bot is no longer in the room ({}); rejoining", room,
                            condition);
                    lost.accept(condition);
                }
            }
        } catch (SmackException.NoResponseException e) {
            log.debug("Room {}: self-ping unanswered", room);
        } catch (SmackException.NotConnectedException e) {
            log.debug("Room {}: self-ping skipped, not connected", room);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
