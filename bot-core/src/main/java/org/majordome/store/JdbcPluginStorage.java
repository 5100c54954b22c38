package org.majordome.store;


import org.majordome.api.storage.KeyValueStore;
import org.majordome.api.storage.PluginStorage;
import org.majordome.api.storage.StorageChangeListener;

/** A plugin's plugin-wide namespace, handing out its room namespaces. */
final class JdbcPluginStorage extends NamespaceStore implements PluginStorage {

    static final int MAX_ROOM_JID_LENGTH = 300;

    JdbcPluginStorage(String pluginId, TransactionRunner runner) {
        super(new Namespace(pluginId, Namespace.PLUGIN_WIDE), runner);
    }

    @Override
    public String pluginId() {
        return namespace.pluginId();
    }

    @Override
    public KeyValueStore room(String roomJid) {
        return new NamespaceStore(new Namespace(pluginId(), StorageService.normalizeRoom(roomJid)), runner);
    }

    @Override
    public void onChangedElsewhere(StorageChangeListener listener) {
        runner.changes().register(pluginId(), java.util.Objects.requireNonNull(listener, "listener"));
    }
}
