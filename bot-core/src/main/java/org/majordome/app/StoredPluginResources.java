package org.majordome.app;

import org.majordome.admin.AdminCommandCatalog;
import org.majordome.api.admin.AdminCommands;
import org.majordome.api.console.ConsoleSections;
import org.majordome.api.pubsub.PubSub;
import org.majordome.api.schedule.PluginScheduler;
import org.majordome.api.storage.PluginStorage;
import org.majordome.console.SectionCatalog;
import org.majordome.dispatch.NickChecks;
import org.majordome.dispatch.PluginResources;
import org.majordome.pubsub.PubSubService;
import org.majordome.schedule.SchedulerService;
import org.majordome.store.StorageService;

/**
 * Plugins' storage and schedulers on the bot's database and Quartz; their administration commands in the catalog; their
 * publish-subscribe nodes through the bot's connection; their console sections in the console's catalog; their nick
 * checks, which the web chat asks.
 */
final class StoredPluginResources implements PluginResources {

    private final StorageService storage;
    private final SchedulerService scheduler;
    private final AdminCommandCatalog adminCommands;
    private final PubSubService pubsub;
    private final SectionCatalog sections;
    private final NickChecks nickChecks;

    StoredPluginResources(StorageService storage, SchedulerService scheduler, AdminCommandCatalog adminCommands,
                          PubSubService pubsub, SectionCatalog sections, NickChecks nickChecks) {
        this.nickChecks = nickChecks;
        this.storage = storage;
        this.scheduler = scheduler;
        this.adminCommands = adminCommands;
        this.pubsub = pubsub;
        this.sections = sections;
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
    public ConsoleSections consoleSections(String pluginId) {
        return sections.forOwner(pluginId);
    }

    @Override
    public PubSub pubsub(String pluginId) {
        return pubsub.forPlugin(pluginId);
    }

    @Override
    public NickChecks nickChecks() {
        return nickChecks;
    }

    @Override
    public void release(String pluginId) {
        nickChecks.release(pluginId);
        scheduler.releasePlugin(pluginId);
        storage.releasePlugin(pluginId);
        adminCommands.withdrawAll(pluginId);
        sections.withdrawAll(pluginId);
        pubsub.release(pluginId);
    }
}
