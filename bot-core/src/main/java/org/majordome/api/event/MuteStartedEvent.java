package org.majordome.api.event;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The moderation plugin muted an occupant (took their voice, by a rule or a moderator's {@code !mute}). Raised by
 * that plugin, not seen on the wire, so that a plugin that gives voice (the {@code gate}) does not give it back
 * while the mute holds: a timed mute outlives leaving and rejoining the room.
 *
 * @param roomJid    the room
 * @param nick       the nick the occupant had
 * @param realJid    their bare real JID, when the room shows it
 * @param occupantId their occupant id (XEP-0421), when the room gives one
 * @param until      when the mute ends; empty for a mute that lasts until they leave the room
 * @param caseNumber the room's case number of the mute
 * @param receivedAt when the plugin decided (bot clock)
 */
public record MuteStartedEvent(String roomJid, String nick, Optional<String> realJid, Optional<String> occupantId,
                               Optional<Instant> until, long caseNumber, Instant receivedAt) implements PluginEvent {

    public MuteStartedEvent {
        Objects.requireNonNull(roomJid, "roomJid");
        Objects.requireNonNull(nick, "nick");
        Objects.requireNonNull(realJid, "realJid");
        Objects.requireNonNull(occupantId, "occupantId");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
