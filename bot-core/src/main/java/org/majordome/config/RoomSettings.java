package org.majordome.config;

import java.util.List;
import java.util.Optional;

import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * One room the bot keeps.
 *
 * @param jid           the room's bare JID
 * @param nick          the bot's nick there, when not the connection's default
 * @param password      the password to enter with; when not set, the loader uses the desired (non-empty) one
 * @param desired       the configuration the bot enforces
 * @param plugins       the plugins enabled in this room, by id
 */
public record RoomSettings(EntityBareJid jid, Optional<Resourcepart> nick, Optional<Secret> password,
                           DesiredRoomConfig desired, List<String> plugins) {
    public RoomSettings {
        plugins = List.copyOf(plugins);
    }
}
