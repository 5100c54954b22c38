package org.majordome.intake;

/** Told the language a user's message declared ({@code xml:lang}, RFC 6120 §8.1.5), before its event is queued. */
@FunctionalInterface
public interface LanguageSeen {

    /** Records nothing. */
    LanguageSeen NONE = (jid, xmlLang, oneToOne) -> { };

    /**
     * @param jid      the JID the message came from: an occupant JID for a room's message, a full JID otherwise
     * @param xmlLang  the tag as the stanza (or, for want of one, the stream) carried it; may be null
     * @param oneToOne whether it came in a one-to-one chat rather than through a room
     */
    void seen(String jid, String xmlLang, boolean oneToOne);
}
