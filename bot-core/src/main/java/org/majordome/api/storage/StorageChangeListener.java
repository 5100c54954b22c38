package org.majordome.api.storage;

/**
 * Hears that entries of a plugin's storage changed elsewhere ({@link PluginStorage#onChangedElsewhere}). Called on
 * the runtime's own thread, one change after another in the order they were committed: drop or mark what is held in
 * memory and return quickly (no storage read or network call inside: read again lazily, on next use).
 */
@FunctionalInterface
public interface StorageChangeListener {

    /** Entries changed elsewhere, already committed: what is held of them in memory is out of date. */
    void changed(StorageChange change);
}
