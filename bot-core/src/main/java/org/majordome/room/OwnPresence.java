package org.majordome.room;

import java.util.concurrent.CompletableFuture;

import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.jxmpp.jid.parts.Resourcepart;
import org.majordome.intake.RoomStanzaIntake;

/**
 * Tells the bot's own presences in a room from its occupants' (XEP-0045 §7.2.3 status 110, or the bot's
 * nick): the answer to a join in flight, or the news that the bot is out (kicked, banned, the room
 * destroyed), which goes to the room's state machine.
 */
final class OwnPresence implements RoomStanzaIntake.Membership {

    /** What the room's state machine does with the bot's own presences. */
    interface Room {
        /** The nick the bot has in the room (or last tried). */
        Resourcepart nick();

        /** The bot is leaving on purpose: its own unavailable presence is no news. */
        boolean leaving();

        /** The room removed the bot (listener thread; must not block). */
        void removed(MUCUser muc);

        /** Any stanza from the room. */
        void heard();
    }

    private final Room room;
    private final RoomJoiner joiner;
    private volatile boolean selfPresenceSeen;

    OwnPresence(Room room, RoomJoiner joiner) {
        this.room = room;
        this.joiner = joiner;
    }

    /** A join starts, or the membership is lost: what comes next is not live until the bot's own presence. */
    void reset() {
        selfPresenceSeen = false;
    }

    @Override
    public void heard() {
        room.heard();
    }

    @Override
    public boolean inRoom() {
        return selfPresenceSeen;
    }

    @Override
    public Resourcepart nick() {
        return room.nick();
    }

    @Override
    public boolean ownPresence(Presence presence, MUCUser muc) {
        Resourcepart from = presence.getFrom().getResourceOrNull();
        CompletableFuture<Presence> join = joiner.pending();
        if (presence.getType() == Presence.Type.error) {
            joiner.offerError(presence, join);
            return true;
        }
        boolean toSelf = muc != null && muc.getStatus().contains(MUCUser.Status.PRESENCE_TO_SELF_110);
        // ejabberd's "room destroyed" presence carries neither status 110 nor our JID: recognise our nick.
        boolean fromOurNick = from.equals(join != null ? joiner.nick() : room.nick());
        if (!toSelf && !(fromOurNick && (join != null || selfPresenceSeen))) {
            return false;
        }
        if (presence.getType() == Presence.Type.available) {
            if (join != null && !join.isDone()) {
                selfPresenceSeen = true;
                join.complete(presence);
            }
        } else if (presence.getType() == Presence.Type.unavailable && !room.leaving() && selfPresenceSeen) {
            selfPresenceSeen = false;
            room.removed(muc);
        }
        return true;
    }
}
