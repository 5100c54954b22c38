package org.majordome.api.event;

import java.time.Instant;
import java.util.Optional;

/** An occupant (not the bot) was kicked (XEP-0045 status 307). */
public record OccupantKickedEvent(String roomJid, Occupant occupant, Optional<String> actorNick,
                                  Optional<String> reason, Instant receivedAt) implements RoomEvent { }
