package org.majordome.api.room;

/** Optional room capabilities, as the room advertises them (disco#info). */
public enum Feature {
    /** The room stamps messages with stable stanza ids (XEP-0359), needed to reply to or moderate a message. */
    STABLE_STANZA_IDS,
    /** The room gives occupants stable anonymous ids (XEP-0421). */
    OCCUPANT_IDS,
    /** Moderators can remove a message for everyone (XEP-0425). */
    MESSAGE_MODERATION,
    /**
     * The room says it is moderated (disco#info {@code muc_moderated}, XEP-0045 §6.4): only occupants with voice
     * may speak. As the room answered after the bot's latest join and configuration check; a later change (a
     * lockdown) shows at the next join.
     */
    MODERATED
}
