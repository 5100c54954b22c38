package org.majordome.api.event;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A mute the moderation plugin held ({@link MuteStartedEvent}) is over: it ran out, a moderator ran {@code !unmute},
 * an appeal was accepted, or (for one whose outcome the server did not confirm) the room's roles showed it never took
 * effect. Whoever it named may be given voice again. Raised by that plugin, not seen on the wire.
 *
 * @param roomJid    the room
 * @param nick       the nick the mute named
 * @param realJid    their bare real JID, when known
 * @param occupantId their occupant id (XEP-0421), when known
 * @param how        why it ended: {@code expired}, {@code unmuted}, {@code appeal} or {@code not-carried-out}
 * @param receivedAt when the plugin ended it (bot clock)
 */
public record MuteEndedEvent(String roomJid, String nick, Optional<String> realJid, Optional<String> occupantId,
                             String how, Instant receivedAt) implements PluginEvent {

    public MuteEndedEvent {
        Objects.requireNonNull(roomJid, "roomJid");
        Objects.requireNonNull(nick, "nick");
        Objects.requireNonNull(realJid, "realJid");
        Objects.requireNonNull(occupantId, "occupantId");
        Objects.requireNonNull(how, "how");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
