package org.majordome.app;

import org.majordome.api.schedule.PluginScheduler;
import org.majordome.api.storage.PluginStorage;
import org.majordome.dispatch.PluginResources;
import org.majordome.schedule.SchedulerService;
import org.majordome.store.StorageService;

/** Plugins' storage and schedulers on the bot's database and Quartz. */
final class StoredPluginResources implements PluginResources {

    private final StorageService storage;
    private final SchedulerService scheduler;

    StoredPluginResources(StorageService storage, SchedulerService scheduler) {
        this.storage = storage;
        this.scheduler = scheduler;
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
    public void release(String pluginId) {
        scheduler.releasePlugin(pluginId);
    }
}
