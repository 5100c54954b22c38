package org.majordome.api.command;

/**
 * Who may run a command, from least to most trusted. Each level includes the ones before it.
 *
 * <p>The runtime decides a sender's level from facts the server vouches for, never from a nick:
 * <ul>
 *   <li>{@link #BOT_ADMIN}: the sender's bare real JID is one of the configured bot admins. In a room this
 *       needs the room to show the bot real JIDs (non-anonymous room, or the bot is a moderator);</li>
 *   <li>in a room (groupchat or private message through it), otherwise, from the occupant's affiliation and
 *       role as the room last announced them: owner or admin affiliation gives {@link #ADMIN}; moderator role
 *       {@link #MODERATOR}; member affiliation {@link #MEMBER}; participant role {@link #PARTICIPANT}. A
 *       visitor (muted) occupant who is not a room admin or owner is {@link #ANYONE}, so a muted user cannot
 *       speak through the bot's commands;</li>
 *   <li>in a one-to-one chat: {@link #BOT_ADMIN} or {@link #ANYONE} only. Room standing is not carried into
 *       direct chats, because a direct command is not bound to a room in which it could be checked.</li>
 * </ul>
 */
public enum Permission {
    /** Anyone who can reach the bot. */
    ANYONE,
    /** An occupant with voice in the room. */
    PARTICIPANT,
    /** A member of the room (affiliation member). */
    MEMBER,
    /** A moderator of the room (role moderator). */
    MODERATOR,
    /** A room admin or owner (affiliation). */
    ADMIN,
    /** One of the bot's configured administrators, by bare JID. */
    BOT_ADMIN;

    /** Whether a sender of this level may run something that requires {@code required}. */
    public boolean includes(Permission required) {
        return compareTo(required) >= 0;
    }
}
