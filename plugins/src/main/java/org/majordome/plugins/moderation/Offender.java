package org.majordome.plugins.moderation;

import java.util.Optional;

import org.majordome.api.event.Occupant;

/**
 * Who an offence is held against. The key is the most stable identity the room gives: the occupant id
 * (XEP-0421), else the bare real JID, else the nick, so that a new nick does not give a clean record.
 *
 * @param key        {@code oid:...}, {@code jid:...} or {@code nick:...}
 * @param nick       the nick at the time
 * @param realJid    the bare real JID when the room shows it
 * @param occupantId the occupant id when the room offers them
 */
record Offender(String key, String nick, Optional<String> realJid, Optional<String> occupantId) {

    static Offender of(Occupant occupant) {
        String key = occupant.occupantId().map(id -> "oid:" + id)
                .or(() -> occupant.realJid().map(jid -> "jid:" + TextNormalizer.lower(jid)))
                .orElse("nick:" + occupant.nick());
        return new Offender(key, occupant.nick(), occupant.realJid().map(TextNormalizer::lower), occupant.occupantId());
    }

    /** Someone known only by a bare JID (a ban of someone absent). */
    static Offender ofJid(String bareJid) {
        String jid = TextNormalizer.lower(bareJid);
        return new Offender("jid:" + jid, jid, Optional.of(jid), Optional.empty());
    }

    /** Nick and JID, for messages to people. */
    String describe() {
        return realJid.filter(jid -> !jid.equals(nick)).map(jid -> nick + " (" + jid + ")").orElse(nick);
    }
}
