package org.majordome.testkit;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.majordome.admin.AdminCommandCatalog;
import org.majordome.api.admin.AdminCommands;
import org.majordome.api.console.ConsoleSections;
import org.majordome.api.pubsub.PubSub;
import org.majordome.api.schedule.PluginScheduler;
import org.majordome.api.storage.PluginStorage;
import org.majordome.console.SectionCatalog;
import org.majordome.dispatch.NickChecks;
import org.majordome.dispatch.PluginResources;
import org.majordome.schedule.SchedulerService;
import org.majordome.schedule.SchedulerSettings;
import org.majordome.store.Database;
import org.majordome.store.DatabaseSettings;
import org.majordome.store.StorageService;

/**
 * Storage and scheduling for kit tests: the runtime's own implementations on a private in-memory
 * database, opened on first use so that tests which need neither pay nothing. Scheduled jobs run in
 * real time, on the system clock, not the kit's test clock: Quartz follows the system clock (keep
 * test durations short and wait with Awaitility).
 */
final class KitResources implements PluginResources, AutoCloseable {

    private final String name = "testkit-" + UUID.randomUUID();
    private Database database;
    private StorageService storage;
    private SchedulerService scheduler;
    private final AdminCommandCatalog adminCommands = new AdminCommandCatalog();
    private final TestNodes nodes = new TestNodes();
    private final SectionCatalog consoleSections = new SectionCatalog();
    private final NickChecks nickChecks = new NickChecks();

    KitResources() {
    }

    @Override
    public synchronized PluginStorage storage(String pluginId) {
        if (storage == null) {
            storage = new StorageService(database());
        }
        return storage.forPlugin(pluginId);
    }

    @Override
    public synchronized PluginScheduler scheduler(String pluginId) {
        if (scheduler == null) {
            scheduler = SchedulerService.start(database(),
                    new SchedulerSettings(name, 2, 1, Duration.ofSeconds(5)), Clock.systemUTC());
        }
        return scheduler.forPlugin(pluginId);
    }

    @Override
    public AdminCommands adminCommands(String pluginId) {
        return adminCommands.forOwner(pluginId);
    }

    @Override
    public ConsoleSections consoleSections(String pluginId) {
        return consoleSections.forOwner(pluginId);
    }

    /** The console sections the kit's plugins offer now. */
    SectionCatalog consoleSectionCatalog() {
        return consoleSections;
    }

    @Override
    public PubSub pubsub(String pluginId) {
        return nodes.forPlugin(pluginId);
    }

    @Override
    public NickChecks nickChecks() {
        return nickChecks;
    }

    /** The kit's publish-subscribe nodes. */
    TestNodes nodes() {
        return nodes;
    }

    /** The administration commands the kit's plugins offer now. */
    AdminCommandCatalog adminCommandCatalog() {
        return adminCommands;
    }

    @Override
    public synchronized void release(String pluginId) {
        adminCommands.withdrawAll(pluginId);
        consoleSections.withdrawAll(pluginId);
        nodes.release(pluginId);
        nickChecks.release(pluginId);
        if (scheduler != null) {
            scheduler.releasePlugin(pluginId);
        }
    }

    private Database database() {
        if (database == null) {
            database = Database.open(DatabaseSettings.jdbc("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "", null));
        }
        return database;
    }

    /**
     * Closes the scheduler (waiting for running jobs) and then the database. The scheduler is closed outside this
     * object's lock: a running job that asks for its storage meanwhile would otherwise wait for the lock while the
     * close waits for the job.
     */
    @Override
    public void close() {
        SchedulerService openScheduler;
        synchronized (this) {
            openScheduler = scheduler;
        }
        if (openScheduler != null) {
            openScheduler.close();
        }
        synchronized (this) {
            if (database != null) {
                database.close();
            }
        }
    }
}
