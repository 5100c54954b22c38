package org.majordome.api.command;

import java.util.Objects;
import java.util.Optional;

import org.majordome.api.event.Occupant;

/**
 * Who sent a command.
 *
 * @param occupant the sender as a room occupant (room and private messages), as the room last announced it
 * @param bareJid  the sender's bare real JID when known (always in a one-to-one chat; in a room only when the
 *                 room shows real JIDs to the bot)
 * @param fullJid  in a one-to-one chat, the full JID the message came from
 */
public record CommandSender(Optional<Occupant> occupant, Optional<String> bareJid, Optional<String> fullJid) {

    public CommandSender {
        Objects.requireNonNull(occupant, "occupant");
        Objects.requireNonNull(bareJid, "bareJid");
        Objects.requireNonNull(fullJid, "fullJid");
    }

    /** A name to address the sender by: the nick in a room, the bare JID in a one-to-one chat. */
    public String displayName() {
        return occupant.map(Occupant::nick).or(() -> bareJid).orElse("?");
    }
}
