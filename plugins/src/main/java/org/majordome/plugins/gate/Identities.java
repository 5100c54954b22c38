package org.majordome.plugins.gate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import org.majordome.api.event.Occupant;
import org.majordome.api.storage.StorageOperations;

/**
 * Whom a pass or a failure belongs to, as a storage key part: the real JID when the room shows it to the bot, else
 * the room's stable occupant id (XEP-0421). Never the nick: anyone may take a known visitor's nick, so a visitor
 * known only by nick is gated on every visit.
 */
final class Identities {

    /** Room keys are {@code passed/}, {@code failed/} or {@code tries/} and this: it must leave room for them. */
    private static final int LONGEST = StorageOperations.MAX_KEY_LENGTH - 20;

    private Identities() {
    }

    static Optional<String> of(Occupant occupant) {
        return occupant.realJid().map(Identities::ofJid)
                .or(() -> occupant.occupantId().map(Identities::ofOccupantId));
    }

    static String ofOccupantId(String occupantId) {
        return bounded("occupant:" + occupantId);
    }

    static String ofJid(String bareJid) {
        return bounded("jid:" + bareJid.toLowerCase(Locale.ROOT));
    }

    private static String bounded(String identity) {
        if (identity.length() <= LONGEST) {
            return identity;
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(identity.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
