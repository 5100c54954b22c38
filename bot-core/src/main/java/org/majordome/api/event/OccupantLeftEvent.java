package org.majordome.api.event;

import java.time.Instant;
import java.util.Optional;

/** An occupant left of their own accord ({@link OccupantKickedEvent} and {@link OccupantBannedEvent} cover the rest). */
public record OccupantLeftEvent(String roomJid, Occupant occupant, Optional<String> status,
                                Instant receivedAt) implements RoomEvent { }
