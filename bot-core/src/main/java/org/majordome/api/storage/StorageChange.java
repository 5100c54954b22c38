package org.majordome.api.storage;

import java.util.Objects;
import java.util.Optional;

/**
 * Entries of a plugin's storage changed elsewhere (see {@link PluginStorage#onChangedElsewhere}): one entry, or, when
 * {@link #everything()}, any of them (the instance may have missed changes while it could not hear the others, and
 * whatever a plugin holds in memory is to be read again).
 *
 * @param roomJid the room namespace the entry belongs to (lower case, as the storage keys rooms), empty for the
 *                plugin-wide namespace or for everything
 * @param key     the key written or deleted, empty for everything
 */
public record StorageChange(Optional<String> roomJid, Optional<String> key) {

    /** Any entry of the plugin may have changed. */
    public static final StorageChange EVERYTHING = new StorageChange(Optional.empty(), Optional.empty());

    public StorageChange {
        Objects.requireNonNull(roomJid, "roomJid");
        Objects.requireNonNull(key, "key");
    }

    /** One entry of a room's namespace ({@code roomJid}) or, with {@code roomJid} empty, of the plugin-wide one. */
    public static StorageChange of(Optional<String> roomJid, String key) {
        return new StorageChange(roomJid, Optional.of(key));
    }

    /** Whether any entry may have changed: drop or read again everything held in memory. */
    public boolean everything() {
        return key.isEmpty();
    }

    /** Whether the changed entry (or, for {@link #everything()}, possibly one) is under {@code prefix}. */
    public boolean concerns(String prefix) {
        return key.map(changed -> changed.startsWith(prefix)).orElse(true);
    }
}
