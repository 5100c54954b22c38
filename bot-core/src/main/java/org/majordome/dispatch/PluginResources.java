package org.majordome.dispatch;

import org.majordome.api.admin.AdminCommands;
import org.majordome.api.console.ConsoleSections;
import org.majordome.api.pubsub.PubSub;
import org.majordome.api.schedule.PluginScheduler;
import org.majordome.api.storage.PluginStorage;

/**
 * The per-plugin services that outlive a call: storage, scheduling and administration commands. The runtime backs them with the
 * bot's database and Quartz; the test kit with in-memory versions.
 */
public interface PluginResources {

    PluginStorage storage(String pluginId);

    PluginScheduler scheduler(String pluginId);

    /** Where the plugin offers administration commands; {@link #release} withdraws them. */
    default AdminCommands adminCommands(String pluginId) {
        throw new UnsupportedOperationException("these plugin resources publish no administration commands");
    }

    /** The plugin's publish-subscribe capability; {@link #release} stops following its nodes. */
    default PubSub pubsub(String pluginId) {
        throw new UnsupportedOperationException("these plugin resources offer no publish-subscribe");
    }

    /** Where the plugin offers console sections; {@link #release} withdraws them. */
    default ConsoleSections consoleSections(String pluginId) {
        throw new UnsupportedOperationException("these plugin resources have no console");
    }

    /**
     * Where the plugin's {@link org.majordome.api.room.NickCheck}s go (the context asks them only for the plugin's
     * rooms); {@link #release} forgets them.
     */
    default NickChecks nickChecks() {
        throw new UnsupportedOperationException("these plugin resources take no nick checks");
    }

    /** The plugin stopped: its in-memory jobs and job handlers go (stored jobs and data stay). */
    void release(String pluginId);
}
