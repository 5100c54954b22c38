package org.majordome.api.event;

import java.time.Instant;
import java.util.Optional;

/**
 * The room's subject changed after the bot had joined (the subject sent on join is not a change).
 *
 * @param byNick who set it, when the room tells; empty when the room itself or an unknown occupant did
 * @param byBot  true when the bot set it itself (a plugin may ignore its own changes)
 */
public record SubjectChangedEvent(String roomJid, Optional<String> oldSubject, String newSubject,
                                  Optional<String> byNick, boolean byBot, Instant receivedAt) implements RoomEvent { }
