package org.majordome.config;

/**
 * The groups {@code dispatch.rate-limit-exempt} may name (kebab case in the file): senders the per-sender
 * command allowance does not apply to.
 */
public enum RateLimitExempt {
    /** The configured bot admins (by real JID). */
    BOT_ADMINS,
    /** Occupants with the owner affiliation in the room. */
    ROOM_OWNERS,
    /** Occupants with the admin affiliation in the room. */
    ROOM_ADMINS,
    /** Occupants with the moderator role in the room. */
    MODERATORS
}
