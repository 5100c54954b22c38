package org.majordome.api.event;

import java.time.Instant;
import java.util.Optional;

/** An occupant (not the bot) was banned while in the room (XEP-0045 status 301). */
public record OccupantBannedEvent(String roomJid, Occupant occupant, Optional<String> actorNick,
                                  Optional<String> reason, Instant receivedAt) implements RoomEvent { }
