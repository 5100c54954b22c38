package org.majordome.api.event;

import java.time.Instant;
import java.util.Objects;

/**
 * A first-time visitor of a gated room used up their tries at the gate's question and stays without voice (the
 * {@code gate} plugin). Published by that plugin, not read from a stanza, so that other plugins and scripts can
 * tell the moderators or act further; it reaches the plugins enabled in the room like any other event.
 *
 * @param roomJid    the room
 * @param occupant   the visitor as the gate last saw them
 * @param tries      how many wrong answers they gave
 * @param receivedAt when the gate decided (bot clock)
 */
public record GateFailedEvent(String roomJid, Occupant occupant, int tries, Instant receivedAt) implements PluginEvent {

    public GateFailedEvent {
        Objects.requireNonNull(roomJid, "roomJid");
        Objects.requireNonNull(occupant, "occupant");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
