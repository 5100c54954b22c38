package org.majordome.store;

import java.time.Duration;
import java.util.Locale;

import org.majordome.api.Plugin;
import org.majordome.api.storage.PluginStorage;

/** Hands each plugin its {@link PluginStorage}, all sharing one database and one writer lock. */
public final class StorageService {

    /** Plugin ids as they appear in keys and Quartz group names: no '/', which separates the room. */
    private static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(30);

    private final TransactionRunner runner;

    public StorageService(Database database) {
        this(database, DEFAULT_LOCK_TIMEOUT);
    }

    /**
     * @param lockTimeout how long a write waits for a running transaction before failing
     */
    public StorageService(Database database, Duration lockTimeout) {
        this.runner = new TransactionRunner(database.dataSource(), lockTimeout);
    }

    /** The storage of plugin {@code pluginId}; cheap, may be called again for the same plugin. */
    public PluginStorage forPlugin(String pluginId) {
        return new JdbcPluginStorage(checkPluginId(pluginId), runner);
    }

    /** Checks a plugin id for use as a storage or scheduling namespace. */
    public static String checkPluginId(String pluginId) {
        if (pluginId == null) {
            throw new NullPointerException("pluginId");
        }
        if (!Plugin.isValidId(pluginId)) {
            throw new IllegalArgumentException("a plugin id must be " + Plugin.ID_RULE + "; was '" + pluginId + "'");
        }
        return pluginId;
    }

    /** A room JID as storage and schedules key it: stripped, lower case, bare; anything else is refused. */
    public static String normalizeRoom(String roomJid) {
        if (roomJid == null) {
            throw new NullPointerException("roomJid");
        }
        String normalized = roomJid.strip().toLowerCase(Locale.ROOT);
        if (normalized.isEmpty() || normalized.length() > JdbcPluginStorage.MAX_ROOM_JID_LENGTH || normalized.contains("/")) {
            throw new IllegalArgumentException("not a bare room JID: '" + roomJid + "'");
        }
        return normalized;
    }
}
