package org.majordome.plugins.moderation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.majordome.api.storage.KeyValueStore;
import org.majordome.api.storage.PluginStorage;
import org.majordome.api.storage.StorageOperations;

/**
 * Where appeals are kept: per room, each case's appeal ({@code appeal/0000000042}, beside {@code case/0000000042});
 * plugin-wide, the latest notice of a sanction sent to each real JID ({@code appeal-notice/<jid>}), so that a
 * plain reply to it can be taken as the appeal of its case.
 */
final class AppealRecords {

    /** The notice a person was last sent: which room's case, and when. */
    record Notice(String room, long caseNumber, Instant at) {
    }

    private final PluginStorage storage;

    AppealRecords(PluginStorage storage) {
        this.storage = storage;
    }

    Optional<Appeal> find(String room, long caseNumber) {
        return storage.room(room).get(key(caseNumber)).map(Appeal::decode);
    }

    /**
     * Stores a new appeal unless the case has one already (open or decided), in one transaction, so that two
     * appeals sent at once cannot both be taken.
     *
     * @return the appeal the case already had; empty when this one was stored
     */
    Optional<Appeal> fileIfNone(String room, Appeal appeal) {
        return storage.room(room).transactionResult(tx -> {
            Optional<Appeal> existing = tx.get(key(appeal.caseNumber())).map(Appeal::decode);
            if (existing.isEmpty()) {
                tx.put(key(appeal.caseNumber()), appeal.encode());
            }
            return existing;
        });
    }

    /** Replaces an open appeal with its decision; false when it was not open any more (decided meanwhile). */
    boolean decide(String room, Appeal decided) {
        return storage.room(room).transactionResult(tx -> {
            boolean open = tx.get(key(decided.caseNumber())).map(Appeal::decode).map(Appeal::open).orElse(false);
            if (open) {
                tx.put(key(decided.caseNumber()), decided.encode());
            }
            return open;
        });
    }

    /** The room's open appeals among its latest {@code scanned}, oldest first. */
    List<Appeal> open(String room, int scanned) {
        KeyValueStore store = storage.room(room);
        List<String> keys = store.keys("appeal/");
        return keys.subList(Math.max(0, keys.size() - scanned), keys.size()).stream()
                .flatMap(key -> store.get(key).map(Appeal::decode).stream()).filter(Appeal::open).toList();
    }

    /** Remembers the notice; false when the JID is too long to be a storage key (no guided reply then). */
    boolean putNotice(String bareJid, Notice notice) {
        if (noticeKey(bareJid).length() > StorageOperations.MAX_KEY_LENGTH) {
            return false;
        }
        storage.put(noticeKey(bareJid), Fields.encode(Map.of("room", notice.room(),
                "case", Long.toString(notice.caseNumber()), "at", notice.at().toString())));
        return true;
    }

    Optional<Notice> notice(String bareJid) {
        if (noticeKey(bareJid).length() > StorageOperations.MAX_KEY_LENGTH) {
            return Optional.empty();
        }
        return storage.get(noticeKey(bareJid)).map(Fields::decode)
                .map(fields -> new Notice(fields.get("room"), Long.parseLong(fields.get("case")),
                        Instant.parse(fields.get("at"))));
    }

    void deleteNotice(String bareJid) {
        if (noticeKey(bareJid).length() > StorageOperations.MAX_KEY_LENGTH) {
            return;
        }
        storage.delete(noticeKey(bareJid));
    }

    private static String noticeKey(String bareJid) {
        return "appeal-notice/" + TextNormalizer.lower(bareJid);
    }

    private static String key(long caseNumber) {
        return String.format("appeal/%010d", caseNumber);
    }
}
