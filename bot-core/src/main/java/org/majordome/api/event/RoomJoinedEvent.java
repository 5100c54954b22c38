package org.majordome.api.event;

import java.time.Instant;
import java.util.List;

/**
 * The bot is (again) in a room: its own presence came back (status 110).
 *
 * @param nick      the nick the bot got (a fallback when the configured one was taken)
 * @param created   true when the bot created the room with this join
 * @param occupants who was already there, the bot excluded: the bot's join snapshot, the occupants whose presence
 *                  came before the bot's own (XEP-0045 §7.2.3). They get no {@link OccupantJoinedEvent}; everyone
 *                  who enters after this event does, however soon after it
 */
public record RoomJoinedEvent(String roomJid, String nick, boolean created, List<Occupant> occupants,
                              Instant receivedAt) implements RoomEvent {
    public RoomJoinedEvent {
        occupants = List.copyOf(occupants);
    }
}
