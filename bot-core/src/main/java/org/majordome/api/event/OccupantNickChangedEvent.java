package org.majordome.api.event;

import java.time.Instant;

/** An occupant took another nickname; {@code occupant} carries the new one. */
public record OccupantNickChangedEvent(String roomJid, Occupant occupant, String oldNick,
                                       Instant receivedAt) implements RoomEvent { }
