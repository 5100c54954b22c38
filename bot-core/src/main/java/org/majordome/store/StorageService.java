package org.majordome.store;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.majordome.api.Plugin;
import org.majordome.api.storage.PluginStorage;

/**
 * Hands each plugin its {@link PluginStorage}, all sharing one database and one writer lock. {@link #shared} is the
 * storage of an instance of a cluster, which tells the other instances of its changes and hears theirs; close it.
 */
public final class StorageService implements AutoCloseable {

    /** Plugin ids as they appear in keys and Quartz group names: no '/', which separates the room. */
    private static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(30);

    private final TransactionRunner runner;
    private final Optional<PostgresChangeFeed> feed;

    public StorageService(Database database) {
        this(database, DEFAULT_LOCK_TIMEOUT);
    }

    /**
     * @param lockTimeout how long a write waits for a running transaction before failing
     */
    public StorageService(Database database, Duration lockTimeout) {
        this.runner = new TransactionRunner(database.dataSource(), lockTimeout, database.isPostgreSql(),
                new StorageChanges(false));
        this.feed = Optional.empty();
    }

    private StorageService(Database database, StorageChanges changes) {
        this.runner = new TransactionRunner(database.dataSource(), DEFAULT_LOCK_TIMEOUT, true, changes);
        this.feed = Optional.of(PostgresChangeFeed.start(database.unpooled(), changes));
    }

    /**
     * The storage of an instance of a cluster, on PostgreSQL: each committed change is announced to the other
     * instances, whose announcements reach the plugins' {@link PluginStorage#onChangedElsewhere} listeners here.
     */
    public static StorageService shared(Database database) {
        if (!database.isPostgreSql()) {
            throw new IllegalArgumentException("a storage shared by several instances needs PostgreSQL, not "
                    + database.productName());
        }
        return new StorageService(database, new StorageChanges(true));
    }

    /** The storage of plugin {@code pluginId}; cheap, may be called again for the same plugin. */
    public PluginStorage forPlugin(String pluginId) {
        return new JdbcPluginStorage(checkPluginId(pluginId), runner);
    }

    /** Forgets a stopped plugin's change listeners. */
    public void releasePlugin(String pluginId) {
        runner.changes().release(pluginId);
    }

    /** Stops hearing the other instances (a shared storage); the database stays open. */
    @Override
    public void close() {
        feed.ifPresent(PostgresChangeFeed::close);
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
