package org.majordome.dispatch;

/**
 * Who the per-sender command allowance does not apply to, decided like permissions from what the server
 * vouches for (the real JID for bot admins, the occupant's affiliation and role in the room), never the nick.
 */
public enum RateLimitExemption {
    /** The configured bot admins, recognised by real JID (in rooms and direct chats). */
    BOT_ADMINS,
    /** Occupants whose affiliation with the room is owner. */
    ROOM_OWNERS,
    /** Occupants whose affiliation with the room is admin. */
    ROOM_ADMINS,
    /** Occupants whose role in the room is moderator. */
    MODERATORS
}
