package org.majordome.api.event;

import java.time.Instant;
import java.util.Objects;

/**
 * A first-time visitor of a gated room passed the gate and was given voice (the {@code gate} plugin: they waited,
 * answered its question, or a moderator let them in). Published by that plugin, not read from a stanza, so that
 * other plugins and scripts can greet or log the newcomer; it reaches the plugins enabled in the room like any
 * other event.
 *
 * @param roomJid    the room
 * @param occupant   the visitor as the gate last saw them (before the voice was granted)
 * @param how        how they passed: {@code waited}, {@code answered} or {@code let-in} (by a moderator)
 * @param receivedAt when the gate decided (bot clock)
 */
public record GatePassedEvent(String roomJid, Occupant occupant, String how, Instant receivedAt) implements PluginEvent {

    public GatePassedEvent {
        Objects.requireNonNull(roomJid, "roomJid");
        Objects.requireNonNull(occupant, "occupant");
        Objects.requireNonNull(how, "how");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
