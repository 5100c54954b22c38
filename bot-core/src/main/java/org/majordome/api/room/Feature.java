package org.majordome.api.room;

/** Optional room capabilities, as the room advertises them (disco#info). */
public enum Feature {
    /** The room stamps messages with stable stanza ids (XEP-0359), needed to reply to or moderate a message. */
    STABLE_STANZA_IDS,
    /** The room gives occupants stable anonymous ids (XEP-0421). */
    OCCUPANT_IDS,
    /** Moderators can remove a message for everyone (XEP-0425). */
    MESSAGE_MODERATION
}
