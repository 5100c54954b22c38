package org.majordome.api.event;

import java.time.Instant;

/** An occupant's role changed (voice granted or revoked, moderator made or unmade). */
public record OccupantRoleChangedEvent(String roomJid, Occupant occupant, Role oldRole, Role newRole,
                                       Instant receivedAt) implements RoomEvent { }
