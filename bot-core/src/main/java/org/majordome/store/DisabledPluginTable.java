package org.majordome.store;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The table of plugins an operator disabled ({@code disabled_plugin}), so that they stay disabled after a restart.
 * Plain ids in, plain ids out; the application decides what a disabled plugin gets.
 */
public final class DisabledPluginTable {

    private final KeyedRecordTable table;

    public DisabledPluginTable(Database database) {
        this.table = new KeyedRecordTable(database, "disabled_plugin", "plugin_id", "disabled_by", "disabled_at",
                "plugin_id");
    }

    /** The ids of the disabled plugins. */
    public Set<String> pluginIds() {
        return new LinkedHashSet<>(table.keys("the disabled plugins"));
    }

    /** Records a plugin as disabled, replacing what was stored for it. */
    public void put(String pluginId, String disabledBy, Instant at) {
        table.put(pluginId, disabledBy, at, "cannot record plugin " + pluginId + " as disabled");
    }

    /** Forgets a plugin (enabled again); nothing happens when it is not stored. */
    public void delete(String pluginId) {
        table.delete(pluginId, "cannot record plugin " + pluginId + " as enabled");
    }
}
