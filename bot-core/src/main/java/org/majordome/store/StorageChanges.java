package org.majordome.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.majordome.api.storage.StorageChange;
import org.majordome.api.storage.StorageChangeListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugins' {@link StorageChangeListener}s, and what this instance tells the others of its own writes: with one
 * instance nothing is announced or heard (listeners are registered and never called); in a cluster, every committed
 * change to a plugin's entries is announced on the database ({@link ChangeNotice}, sent by {@link TransactionRunner}
 * in the writing transaction, so that it is heard only once committed) and the others' are heard by a
 * {@link PostgresChangeFeed}.
 */
final class StorageChanges {

    private static final Logger log = LoggerFactory.getLogger(StorageChanges.class);

    /** This process, as its announcements name it: its own are not delivered back to it. */
    private final String origin = UUID.randomUUID().toString();
    private final boolean announces;
    private final Map<String, List<StorageChangeListener>> listeners = new ConcurrentHashMap<>();

    /** @param announces whether writes are announced to other instances (a cluster on PostgreSQL) */
    StorageChanges(boolean announces) {
        this.announces = announces;
    }

    boolean announces() {
        return announces;
    }

    String origin() {
        return origin;
    }

    void register(String pluginId, StorageChangeListener listener) {
        listeners.computeIfAbsent(pluginId, id -> new CopyOnWriteArrayList<>()).add(listener);
    }

    void release(String pluginId) {
        listeners.remove(pluginId);
    }

    /** An announcement heard on the database: delivered unless it is this instance's own. */
    void heard(String payload) {
        Optional<ChangeNotice> notice = ChangeNotice.decode(payload);
        if (notice.isEmpty()) {
            log.warn("Storage: a change announcement that is not one of ours was ignored: {}", payload);
            return;
        }
        if (!notice.get().origin().equals(origin)) {
            deliver(notice.get().pluginId(), notice.get().change());
        }
    }

    /** Changes may have been missed: every plugin reads everything again. */
    void missedSome() {
        listeners.keySet().forEach(pluginId -> deliver(pluginId, StorageChange.EVERYTHING));
    }

    private void deliver(String pluginId, StorageChange change) {
        for (StorageChangeListener listener : listeners.getOrDefault(pluginId, List.of())) {
            try {
                listener.changed(change);
            } catch (RuntimeException e) {
                log.warn("Storage: plugin {} failed to take a change made elsewhere ({})", pluginId, change, e);
            }
        }
    }
}
