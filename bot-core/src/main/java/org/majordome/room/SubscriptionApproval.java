package org.majordome.room;

import java.util.Collection;
import java.util.function.Supplier;

import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.SubscribeListener.SubscribeAnswer;
import org.jxmpp.jid.Jid;
import org.majordome.api.room.RoomHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Presence subscription requests (RFC 6121 §3.1): approved from users seen as occupants of a kept room (by the bare
 * real JID the room shows the bot), so that they can keep the bot in their roster and its direct messages
 * (reminders, answers) are not treated as coming from a stranger; left unanswered from anyone else.
 */
final class SubscriptionApproval {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionApproval.class);

    private final Supplier<Collection<RoomHandle>> rooms;

    SubscriptionApproval(Supplier<Collection<RoomHandle>> rooms) {
        this.rooms = rooms;
    }

    /** Answers the connection's subscription requests from now on (manual mode: nothing is approved otherwise). */
    void listenOn(XMPPConnection connection) {
        Roster roster = Roster.getInstanceFor(connection);
        roster.setSubscriptionMode(Roster.SubscriptionMode.manual);
        roster.addSubscribeListener((from, request) -> seenAsOccupant(from) ? SubscribeAnswer.Approve : null);
    }

    /** Whether a kept room shows this bare JID as the real JID of one of its current occupants. */
    boolean seenAsOccupant(Jid from) {
        String wanted = from.asBareJid().toString();
        boolean seen = rooms.get().stream().flatMap(room -> room.occupants().stream())
                .anyMatch(occupant -> occupant.realJid().filter(wanted::equalsIgnoreCase).isPresent());
        log.info("Presence subscription request from {}: {}", wanted, seen ? "approved (an occupant of a kept room)"
                : "left unanswered (not an occupant of a kept room)");
        return seen;
    }
}
