package org.majordome.api.event;

import java.time.Instant;

/** An occupant's affiliation changed while they were in the room. */
public record OccupantAffiliationChangedEvent(String roomJid, Occupant occupant, Affiliation oldAffiliation,
                                              Affiliation newAffiliation, Instant receivedAt) implements RoomEvent { }
