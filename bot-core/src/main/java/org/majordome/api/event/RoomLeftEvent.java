package org.majordome.api.event;

import java.time.Instant;

/** The bot is no longer in a room. */
public record RoomLeftEvent(String roomJid, Reason reason, String detail, Instant receivedAt) implements RoomEvent {

    /** Why the bot left. */
    public enum Reason { SHUTDOWN, CONFIGURATION, KICKED, BANNED, ROOM_DESTROYED, CONNECTION_LOST, MEMBERSHIP_LOST }
}
