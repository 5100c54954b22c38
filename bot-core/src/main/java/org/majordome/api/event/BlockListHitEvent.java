package org.majordome.api.event;

import java.time.Instant;
import java.util.Objects;

/**
 * An occupant matched a real-time block list the moderation plugin follows (a XEP-0060 node whose item ids are
 * SHA-256 hashes of banned addresses), and the plugin acted. Raised by that plugin, not seen on the wire.
 *
 * @param roomJid    the room
 * @param occupant   who matched, as they were when they matched
 * @param list       the list, {@code service/node}
 * @param matched    what matched: the occupant's bare JID, or its domain
 * @param action     what the plugin did: {@code ban} or {@code kick}
 * @param receivedAt when the plugin saw the match (bot clock)
 */
public record BlockListHitEvent(String roomJid, Occupant occupant, String list, String matched, String action,
                                Instant receivedAt) implements PluginEvent {

    public BlockListHitEvent {
        Objects.requireNonNull(roomJid, "roomJid");
        Objects.requireNonNull(occupant, "occupant");
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(matched, "matched");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
