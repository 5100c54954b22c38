package org.majordome.api.storage;

/**
 * A plugin's storage: itself the plugin-wide namespace, and the door to one namespace per room.
 * Entries of the plugin-wide namespace and of each room are separate: the same key in two rooms names
 * two entries.
 */
public interface PluginStorage extends KeyValueStore {

    /** The id of the plugin this storage belongs to. */
    String pluginId();

    /**
     * The namespace of this plugin in room {@code roomJid} (a bare room JID, compared in lower case).
     */
    KeyValueStore room(String roomJid);

    /**
     * Calls {@code listener} when another instance of this bot changes an entry of this plugin (several instances
     * sharing one database, the {@code cluster:} section), once that change has committed: a plugin that holds
     * entries in memory, to spare the storage a read on a busy path, drops them there and reads them again. Each
     * instance changing entries tells the others at once; an instance that could not hear the others for a while
     * (its database connection dropped) is told {@link StorageChange#EVERYTHING} once it hears them again. The
     * plugin's own writes, on this instance, are not reported: it knows them. With one instance (the embedded
     * database) nothing changes elsewhere and the listener is never called. Listeners are dropped when the plugin
     * stops.
     */
    void onChangedElsewhere(StorageChangeListener listener);
}
