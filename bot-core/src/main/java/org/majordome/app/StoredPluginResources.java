package org.majordome.app;

import org.majordome.admin.AdminCommandCatalog;
import org.majordome.api.admin.AdminCommands;
import org.majordome.api.pubsub.PubSub;
import org.majordome.api.schedule.PluginScheduler;
import org.majordome.api.storage.PluginStorage;
import org.majordome.dispatch.PluginResources;
import org.majordome.pubsub.PubSubService;
import org.majordome.schedule.SchedulerService;
import org.majordome.store.StorageService;

/**
 * Plugins' storage and schedulers on the bot's database and Quartz; their administration commands in the catalog; their
 * publish-subscribe nodes through the bot's connection.
 */
final class StoredPluginResources implements PluginResources {

    private final StorageService storage;
    private final SchedulerService scheduler;
    private final AdminCommandCatalog adminCommands;
    private final PubSubService pubsub;

    StoredPluginResources(StorageService storage, SchedulerService scheduler, AdminCommandCatalog adminCommands,
                          PubSubService pubsub) {
        this.storage = storage;
        this.scheduler = scheduler;
        this.adminCommands = adminCommands;
        this.pubsub = pubsub;
    }

    @Override
    public PluginStorage storage(String pluginId) {
        return storage.forPlugin(pluginId);
    }

    @Override
    public PluginScheduler scheduler(String pluginId) {
        return scheduler.forPlugin(pluginId);
    }

    @Override
    public AdminCommands adminCommands(String pluginId) {
        return adminCommands.forOwner(pluginId);
    }

    @Override
    public PubSub pubsub(String pluginId) {
        return pubsub.forPlugin(pluginId);
    }

    @Override
    public void release(String pluginId) {
        scheduler.releasePlugin(pluginId);
        adminCommands.withdrawAll(pluginId);
        pubsub.release(pluginId);
    }
}
