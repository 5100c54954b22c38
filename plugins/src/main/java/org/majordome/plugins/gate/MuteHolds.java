package org.majordome.plugins.gate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.majordome.api.event.MuteEndedEvent;
import org.majordome.api.event.MuteStartedEvent;
import org.majordome.api.event.Occupant;
import org.majordome.api.storage.KeyValueStore;
import org.majordome.api.storage.PluginStorage;
import org.majordome.api.storage.ValueCodec;

/**
 * The mutes the moderation plugin holds, as its {@link MuteStartedEvent} and {@link MuteEndedEvent} told them: the
 * gate never gives voice to someone muted. Kept in the gate's storage ({@code muted/<identity>}, the mute's end), so
 * that they outlive a restart like the mutes do; a mute whose end has passed holds nobody even if its end was never
 * told (the bot was down). A mute that lasts until its occupant leaves is not kept: leaving ends it. Only visitors
 * the gate knows by real JID or occupant id are held, as only they are known visitors.
 */
final class MuteHolds {

    static final String MUTED = "muted/";

    private final PluginStorage storage;

    MuteHolds(PluginStorage storage) {
        this.storage = storage;
    }

    void started(MuteStartedEvent event) {
        if (event.until().isEmpty()) {
            return;
        }
        KeyValueStore store = storage.room(event.roomJid());
        for (String identity : identities(event.realJid(), event.occupantId())) {
            store.put(MUTED + identity, event.until().get(), ValueCodec.INSTANT);
        }
    }

    void ended(MuteEndedEvent event) {
        KeyValueStore store = storage.room(event.roomJid());
        for (String identity : identities(event.realJid(), event.occupantId())) {
            store.delete(MUTED + identity);
        }
    }

    /** Whether moderation holds this occupant muted in the room at {@code now}. */
    boolean holds(String roomJid, Occupant occupant, Instant now) {
        KeyValueStore store = storage.room(roomJid);
        for (String identity : identities(occupant.realJid(), occupant.occupantId())) {
            Optional<Instant> until = store.get(MUTED + identity, ValueCodec.INSTANT);
            if (until.isPresent()) {
                if (until.get().isAfter(now)) {
                    return true;
                }
                store.delete(MUTED + identity); // ran out while nobody said so
            }
        }
        return false;
    }

    /** Every identity a mute may be known by: a room may show the real JID at one visit and only the id at another. */
    private static List<String> identities(Optional<String> realJid, Optional<String> occupantId) {
        List<String> identities = new ArrayList<>(2);
        realJid.map(Identities::ofJid).ifPresent(identities::add);
        occupantId.map(Identities::ofOccupantId).ifPresent(identities::add);
        return identities;
    }
}
