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
}
