package org.majordome.plugins.moderation;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.majordome.api.PluginContext;
import org.majordome.api.text.Wording;
import org.majordome.api.TimeText;
import org.majordome.api.storage.StorageOperations;

/**
 * The JIDs the block lists no longer act on in one room: a moderator accepted the appeal of a list's ban, or ran
 * {@code !unban} on someone a list names, and without this the list would ban them again at their next join.
 * Stored per room ({@code blocklist-exempt/<jid>}: who decided, when, and the case), until a moderator removes the
 * exemption ({@code !blocklist unexempt <jid>}). Read only when a list matches someone, so that a join of someone
 * no list names costs no I/O.
 */
final class BlockListExemptions {

    static final String PREFIX = "blocklist-exempt/";

    /** One exemption, for {@code !blocklist} and {@code !case}. */
    record Exemption(String jid, String by, Instant at, long caseNumber, String why) {

        /** For the people who asked ({@code !blocklist}, {@code !case}), in their language. */
        String describe(Wording wording) {
            return wording.format("blocklist.exemption", jid, at, by, Answers.caseNumber(wording, caseNumber),
                    why.isBlank() ? "" : wording.format("reason.suffix", why));
        }

        /** For the log. */
        String describe(ZoneId zone) {
            return jid + ": exempt from the block lists since " + TimeText.moment(at, zone) + ", by " + by
                    + (caseNumber > 0 ? " (case #" + caseNumber + ")" : "") + (why.isBlank() ? "" : ": " + why);
        }
    }

    private final PluginContext<ModerationConfig> context;

    BlockListExemptions(PluginContext<ModerationConfig> context) {
        this.context = context;
    }

    /** Block lists stop acting on {@code jid} in the room; replaces an earlier exemption of the same JID. */
    void exempt(String room, String jid, String by, long caseNumber, String why) {
        String bare = TextNormalizer.lower(jid);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("jid", bare);
        fields.put("by", by);
        fields.put("at", context.clock().instant().toString());
        fields.put("case", Long.toString(caseNumber));
        fields.put("why", why);
        context.storage().room(room).put(key(bare), Fields.encode(fields));
        context.logger(room).info("Block lists no longer act on {} here: {}, by {}{}", bare, why, by,
                caseNumber > 0 ? " (case #" + caseNumber + ")" : "");
    }

    /** Removes the exemption; false when there was none. */
    boolean remove(String room, String jid) {
        return context.storage().room(room).delete(key(TextNormalizer.lower(jid)));
    }

    Optional<Exemption> find(String room, String jid) {
        return context.storage().room(room).get(key(TextNormalizer.lower(jid))).map(BlockListExemptions::decode);
    }

    List<Exemption> all(String room) {
        return context.storage().room(room).entries(PREFIX).values().stream().map(BlockListExemptions::decode).toList();
    }

    private static Exemption decode(String text) {
        Map<String, String> fields = Fields.decode(text);
        return new Exemption(fields.getOrDefault("jid", "?"), fields.getOrDefault("by", "?"),
                Instant.parse(fields.getOrDefault("at", Instant.EPOCH.toString())),
                Long.parseLong(fields.getOrDefault("case", "0")), fields.getOrDefault("why", ""));
    }

    /** The JID itself when it fits a key (readable in a database browser), else its list hash. */
    private static String key(String bareJid) {
        String key = PREFIX + bareJid;
        return key.length() <= StorageOperations.MAX_KEY_LENGTH ? key : PREFIX + FingerprintSet.itemIdOf(bareJid);
    }
}
