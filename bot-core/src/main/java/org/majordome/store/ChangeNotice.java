package org.majordome.store;

import java.util.Optional;

import org.majordome.api.storage.StorageChange;

/**
 * One committed change, as instances announce it to each other: the writing process, the plugin, the room namespace
 * ({@code ""} for the plugin-wide one) and the key, separated by tabs, the key last (a key may hold anything; a
 * process id, a plugin id and a bare JID hold no tab). At most about 3 kB, well under PostgreSQL's 8000-byte payload.
 */
record ChangeNotice(String origin, String pluginId, String roomJid, String key) {

    private static final char SEPARATOR = '\t';

    String encode() {
        return origin + SEPARATOR + pluginId + SEPARATOR + roomJid + SEPARATOR + key;
    }

    StorageChange change() {
        return StorageChange.of(roomJid.isEmpty() ? Optional.empty() : Optional.of(roomJid), key);
    }

    static Optional<ChangeNotice> decode(String payload) {
        String[] parts = payload.split(String.valueOf(SEPARATOR), 4);
        return parts.length == 4 ? Optional.of(new ChangeNotice(parts[0], parts[1], parts[2], parts[3]))
                : Optional.empty();
    }
}
