package org.majordome.room;

import java.util.List;
import java.util.Optional;

import org.jxmpp.jid.EntityBareJid;

/**
 * A gateway through which many people share one account (the web chat): banning one of them by outcasting the
 * account (XEP-0045 §9.1) would ban them all, so the room's ban and unban ask the gateway first. Plugins keep
 * calling the same {@code RoomHandle.ban}/{@code unban} with the occupant's real JID; for a gateway's occupant that
 * JID is full (its resource names the session, see {@code intake.Snapshots}).
 *
 * <p>May block (it stores the ban): called on a room action's own thread, never on Smack's.
 */
public interface GatewayBans {

    /** What the gateway made of a ban or unban. */
    sealed interface Outcome permits NotOurs, Refused, Banned, Unbanned {
    }

    /** The JID is none of the gateway's: the room bans or unbans it as usual. */
    record NotOurs() implements Outcome {
    }

    /** The gateway will not do it (the shared account itself was named); nothing is sent to the room. */
    record Refused(String why) implements Outcome {
    }

    /**
     * The gateway banned the person (it refuses them from now on); the room still has to kick them.
     *
     * @param nick their nick in the room when they are there now
     */
    record Banned(Optional<String> nick) implements Outcome {
    }

    /** The gateway lifted its ban. */
    record Unbanned() implements Outcome {
    }

    /** No gateway: every JID is banned in the room. */
    GatewayBans NONE = new GatewayBans() {
        @Override
        public Outcome ban(EntityBareJid room, String jid, String reason) {
            return new NotOurs();
        }

        @Override
        public Outcome unban(EntityBareJid room, String jid) {
            return new NotOurs();
        }
    };

    /** A plugin bans {@code jid} from {@code room} with this reason (may be null). */
    Outcome ban(EntityBareJid room, String jid, String reason);

    /** A plugin or moderator lifts the ban of {@code jid} in {@code room}. */
    Outcome unban(EntityBareJid room, String jid);

    /**
     * The JIDs the gateway bans from {@code room} (the sessions named when they were banned): the room's ban list
     * (§9.5) shows them beside its outcasts, so that a plugin checking whether its ban holds finds it there.
     */
    default List<String> bannedIn(EntityBareJid room) {
        return List.of();
    }
}
