package org.majordome.app;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.majordome.admin.AdminCommandCatalog;
import org.majordome.console.SectionCatalog;
import org.majordome.dispatch.NickChecks;
import org.majordome.schedule.SchedulerService;
import org.majordome.store.DisabledPluginTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Java plugins an operator disabled, kept in the database ({@code disabled_plugin}) so that a reload or a
 * restart keeps them disabled. Disabling is a pause, not a stop: the plugin stays started (its instance, memory and
 * jobs stay; the {@link org.majordome.api.Plugin} contract of one start and one stop holds) but gets no event, no
 * command (not even one queued before; the lanes check at call time), no job firing (a persistent job due meanwhile
 * runs at the enable, in-memory runs are skipped), is not asked about web chat nicks, and offers no administration
 * command and no console section.
 * Enabling resumes all of it. Scripts have their own disable ({@code ScriptPlugin#disable}) and are not paused here.
 */
final class PluginPauses {

    private static final Logger log = LoggerFactory.getLogger(PluginPauses.class);

    private final Optional<DisabledPluginTable> table;
    private final SchedulerService scheduler;
    private final AdminCommandCatalog adminCommands;
    private final SectionCatalog sections;
    private final NickChecks nickChecks;
    private final Clock clock;
    /** Where plugins are paused: a generation's registry ({@link PluginRuntime}). */
    interface Target {
        void pause(String pluginId);

        void resume(String pluginId);
    }

    /** Guarded by this object's monitor. */
    private final Set<String> disabled = new TreeSet<>();

    /**
     * Reads the disabled plugins and pauses their jobs and admin entries at once, before any plugin starts: a persistent
     * job a disabled plugin's start finds due must wait.
     *
     * @param table where the state outlives a restart; empty keeps it in memory only (tests)
     */
    PluginPauses(Optional<DisabledPluginTable> table, SchedulerService scheduler, AdminCommandCatalog adminCommands,
                 SectionCatalog sections, NickChecks nickChecks, Clock clock) {
        this.nickChecks = nickChecks;
        this.table = table;
        this.scheduler = scheduler;
        this.adminCommands = adminCommands;
        this.sections = sections;
        this.clock = clock;
        table.ifPresent(stored -> stored.pluginIds().forEach(this::pauseServices));
        table.ifPresent(stored -> disabled.addAll(stored.pluginIds()));
        if (!disabled.isEmpty()) {
            log.info("Plugins disabled by an operator, kept from the last run: {}", disabled);
        }
    }

    /** The disabled plugins' ids. */
    synchronized Set<String> disabled() {
        return Set.copyOf(disabled);
    }

    /** Pauses the disabled plugins of a new generation, before it gets its first event. */
    synchronized void applyTo(Target runtime) {
        disabled.forEach(runtime::pause);
    }

    /**
     * Disables a running Java plugin.
     *
     * @param operator who did it, for the log and the table
     * @return false when it was disabled already
     */
    synchronized boolean disable(String pluginId, String operator, Target runtime) {
        if (!disabled.add(pluginId)) {
            return false;
        }
        runtime.pause(pluginId);
        pauseServices(pluginId);
        table.ifPresent(stored -> stored.put(pluginId, operator, clock.instant()));
        log.info("Plugin {} disabled by {}: it stays started but gets no events, commands or job firings", pluginId,
                operator);
        return true;
    }

    /** Enables a disabled plugin; false when it was not disabled. */
    synchronized boolean enable(String pluginId, String operator, Target runtime) {
        if (!disabled.remove(pluginId)) {
            return false;
        }
        table.ifPresent(stored -> stored.delete(pluginId));
        adminCommands.hide(pluginId, false);
        sections.hide(pluginId, false);
        nickChecks.pause(pluginId, false);
        runtime.resume(pluginId);
        scheduler.resumePlugin(pluginId);
        log.info("Plugin {} enabled by {}", pluginId, operator);
        return true;
    }

    private void pauseServices(String pluginId) {
        scheduler.pausePlugin(pluginId);
        adminCommands.hide(pluginId, true);
        sections.hide(pluginId, true);
        nickChecks.pause(pluginId, true);
    }
}
