package org.majordome.api.event;

import java.time.Instant;

/** Someone entered a room the bot is in (never the occupants already there while the bot joined). */
public record OccupantJoinedEvent(String roomJid, Occupant occupant, Instant receivedAt) implements RoomEvent { }
