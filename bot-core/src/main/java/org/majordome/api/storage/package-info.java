/**
 * Durable, namespaced storage for plugins.
 *
 * <p>Each plugin gets a {@link org.majordome.api.storage.PluginStorage}: a string key/value store of its
 * own, plus one per room ({@link org.majordome.api.storage.PluginStorage#room(String)}). No plugin can
 * read or write another plugin's entries, and a room's entries never mix with the plugin-wide ones.
 * Values are text (a plugin that wants JSON encodes it itself) or go through a small
 * {@link org.majordome.api.storage.ValueCodec}; counters and sequence numbers are built in.
 *
 * <p>Every call is atomic and durable when it returns. Several calls that must succeed or fail together
 * go in {@link org.majordome.api.storage.KeyValueStore#transaction(TransactionAction)}; transactions are
 * serialised within the bot, so a read followed by a write inside one sees no concurrent change; with several
 * instances on one PostgreSQL, transactions of one namespace are serialised across the instances too.
 *
 * <p>A plugin that holds entries in memory hears of changes another instance made through
 * {@link org.majordome.api.storage.PluginStorage#onChangedElsewhere}.
 */
package org.majordome.api.storage;
