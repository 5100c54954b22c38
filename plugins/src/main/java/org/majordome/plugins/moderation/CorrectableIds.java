package org.majordome.plugins.moderation;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Sender's message id → the room's stanza id, so that removing a correction (XEP-0308) also removes the
 * message it corrects. Kept {@link #CORRECTABLE_FOR}, not only capped: a cap alone let every room hold 2,000
 * ids for hours (about 30 MB over 100 rooms at a steady 0.2 message per second each, the soak harness's heap
 * slope). Guarded by its {@link RoomWatch}.
 */
final class CorrectableIds {

    /** How long a message can still be corrected for its correction to take it along (clients correct the last one). */
    static final Duration CORRECTABLE_FOR = Duration.ofMinutes(5);

    private final Map<String, RememberedId> stanzaIdsByMessageId = RoomWatch.capped(2_000);

    void remember(String messageId, String stanzaId, Instant at) {
        forgetBefore(at.minus(CORRECTABLE_FOR));
        stanzaIdsByMessageId.put(messageId, new RememberedId(stanzaId, at));
    }

    Optional<String> stanzaIdOf(String messageId) {
        return Optional.ofNullable(stanzaIdsByMessageId.get(messageId)).map(RememberedId::stanzaId);
    }

    /** Insertion order is arrival order: the oldest are first. */
    void forgetBefore(Instant horizon) {
        Iterator<RememberedId> oldest = stanzaIdsByMessageId.values().iterator();
        while (oldest.hasNext() && oldest.next().at().isBefore(horizon)) {
            oldest.remove();
        }
    }

    private record RememberedId(String stanzaId, Instant at) {
    }
}
