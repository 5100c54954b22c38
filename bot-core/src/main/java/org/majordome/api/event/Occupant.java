package org.majordome.api.event;

import java.util.Objects;
import java.util.Optional;

/**
 * A room occupant as seen at the moment of an event.
 *
 * @param nick        the occupant's nickname in the room (anyone can take any free nick: never
 *                    authorise on it)
 * @param realJid     the occupant's bare real JID, when the room shows it to the bot; for a visitor of the bot's web
 *                    chat, who shares one account with the other visitors, the full JID of their session (it is
 *                    what {@code RoomHandle.ban} and {@code unban} take to ban that visitor alone)
 * @param occupantId  the room's stable anonymous id for the occupant (XEP-0421), when offered
 * @param role        the occupant's role
 * @param affiliation the occupant's affiliation
 */
public record Occupant(String nick, Optional<String> realJid, Optional<String> occupantId,
                       Role role, Affiliation affiliation) {

    public Occupant {
        Objects.requireNonNull(nick, "nick");
        Objects.requireNonNull(realJid, "realJid");
        Objects.requireNonNull(occupantId, "occupantId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(affiliation, "affiliation");
    }
}
