package org.majordome.app;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import org.majordome.api.Plugin;
import org.majordome.config.BotConfig;
import org.majordome.console.PluginsPage;
import org.majordome.config.RoomSettings;
import org.majordome.dispatch.DispatchStats;
import org.majordome.dispatch.PluginResources;
import org.majordome.intake.CompositeEventSink;
import org.majordome.intake.EventSink;
import org.majordome.intake.LoggingEventSink;
import org.majordome.intake.SwitchableEventSink;
import org.majordome.plugin.PluginCatalog;
import org.majordome.plugin.PluginLoader;
import org.majordome.room.RoomKeeper;
import org.majordome.script.ScriptHost;
import org.majordome.script.ScriptPlugin;
import org.majordome.script.ScriptSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Owns the running generation of plugins and replaces it on a configuration reload: the old generation
 * is drained and stopped, then plugins are discovered again (fresh instances) and started with the new
 * configuration, and events flow to the new dispatcher.
 *
 * <p>A script file that appears in the scripts directory while the bot runs is handed over by the
 * {@link ScriptHost}'s watcher as a new plugin; the host registers and starts that one plugin in the running
 * generation, enabled in the rooms with {@code scripts: all}, on its own thread (never the watcher's). The
 * other plugins, scripts included, are not touched.
 */
final class PluginHost implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PluginHost.class);

    private final RuntimeConfiguration.StartOptions options;
    private final RoomKeeper rooms;
    private final PluginResources resources;
    private final Clock clock;
    private final SwitchableEventSink intake;
    private final PluginPauses pauses;
    private BotConfig config;
    private PluginCatalog catalog;
    private Optional<ScriptHost> scripts = Optional.empty();
    private PluginRuntime runtime;
    private volatile boolean running;
    private final ExecutorService newScriptsThread = Executors.newSingleThreadExecutor(
            runnable -> Thread.ofPlatform().name("new-scripts").daemon(true).unstarted(runnable));

    PluginHost(BotConfig config, RuntimeConfiguration.StartOptions options, RoomKeeper rooms, PluginResources resources,
               Clock clock, SwitchableEventSink intake, PluginPauses pauses) {
        this.pauses = pauses;
        this.options = options;
        this.rooms = rooms;
        this.resources = resources;
        this.clock = clock;
        this.intake = intake;
        // Held while the first generation starts: a script file that appears meanwhile waits for it.
        synchronized (this) {
            install(config, loadCatalog(config));
            running = true;
        }
    }

    private static PluginCatalog loadCatalog(BotConfig config) {
        return PluginLoader.load(PluginHost.class.getClassLoader(), config.dispatch().pluginDirectory());
    }

    /** Finds the plugins a file would run with, to check it before {@link #replace} (same instances added). */
    PluginFinder finder() {
        return new PluginFinder(options.plugins());
    }

    /** The configuration the running plugins were started with. */
    synchronized BotConfig config() {
        return config;
    }

    private void install(BotConfig config, PluginCatalog discovered) {
        if (!discovered.problems().isEmpty()) {
            discovered.close();
            throw new StartupException(discovered.problems());
        }
        Optional<ScriptHost> scriptHost;
        try {
            scriptHost = openScripts(config);
        } catch (RuntimeException e) {
            discovered.close();
            throw e;
        }
        List<Plugin<?>> plugins = new ArrayList<>(discovered.instances());
        scriptHost.ifPresent(host -> plugins.addAll(host.plugins()));
        plugins.addAll(options.plugins());
        List<String> scriptIds = scriptHost.map(host -> List.copyOf(host.scripts().keySet())).orElse(List.of());
        Map<String, List<String>> enabledByRoom = new LinkedHashMap<>();
        config.rooms().forEach(room -> enabledByRoom.put(room.jid().toString(), room.enabledPlugins(scriptIds)));
        PluginRuntime started;
        try {
            started = new PluginRuntime(config, enabledByRoom, plugins, rooms, resources, clock);
        } catch (RuntimeException e) {
            scriptHost.ifPresent(ScriptHost::close);
            discovered.close();
            throw e;
        }
        pauses.applyTo(started);   // before the first event: a disabled plugin stays so across reloads
        List<EventSink> consumers = new ArrayList<>();
        consumers.add(new LoggingEventSink());
        consumers.add(started.sink());
        consumers.addAll(options.sinks());
        intake.switchTo(new CompositeEventSink(consumers));
        List<EventSink> observers = new ArrayList<>();
        observers.add(new LoggingEventSink());
        observers.addAll(options.sinks());
        started.publishAlsoTo(new CompositeEventSink(observers));
        this.config = config;
        catalog = discovered;
        scripts = scriptHost;
        runtime = started;
    }

    /**
     * The JavaScript plugins of {@code dispatch.scripts-directory}, when set, each configured by its section
     * under {@code plugins:}. Opened anew for every generation: a stopped script plugin cannot restart.
     */
    private Optional<ScriptHost> openScripts(BotConfig config) {
        return config.dispatch().scriptsDirectory().map(directory -> {
            try {
                return ScriptHost.open(ScriptSettings.defaults(directory)
                                .withCallTimeLimit(config.dispatch().scriptTimeLimit()),
                        id -> config.plugins().containsKey(id) ? config.plugins().get(id).plainValue() : null,
                        this::scriptAdded);
            } catch (IllegalArgumentException unreadable) {
                throw new StartupException(List.of(config.source() + ": dispatch.scripts-directory: "
                        + unreadable.getMessage()));
            }
        });
    }

    /**
     * Stops the current plugins and starts them again with a new configuration. The caller checked the
     * configuration first (with {@link #finder()}, whose catalog it hands in); plugin instances handed in by
     * whoever started the bot are started again as they are. When a plugin of the new generation fails to
     * start anyway, the previous configuration's plugins are started again (fresh instances: storage and
     * persistent jobs are as they were, in-memory state starts over) and the failure is returned.
     *
     * @param catalog the plugins found when the configuration was checked; loaded here if empty
     * @return empty when the new plugins run; else why they could not, the previous ones running again
     * @throws StartupException when neither the new nor the previous plugins start; the bot then runs without
     *                          plugins
     */
    synchronized Optional<List<String>> replace(BotConfig next, Optional<PluginCatalog> catalog) {
        if (!running) {
            catalog.ifPresent(PluginCatalog::close);
            log.info("Not restarting plugins: the bot is stopping");
            return Optional.empty();
        }
        BotConfig previous = config;
        stopCurrent();
        try {
            install(next, catalog.orElseGet(() -> loadCatalog(next)));
        } catch (RuntimeException failed) {
            install(previous, loadCatalog(previous));
            return Optional.of(failed instanceof StartupException startup ? startup.problems()
                    : List.of(String.valueOf(failed)));
        }
        log.info("Plugins restarted with the new configuration");
        return Optional.empty();
    }

    /** On the watcher's thread: starts the new script on this host's own thread. */
    private void scriptAdded(ScriptPlugin script) {
        try {
            newScriptsThread.execute(() -> startAdded(script));
        } catch (RejectedExecutionException stopping) {
            log.debug("New script {} ignored: the bot is stopping", script.id());
        }
    }

    private synchronized void startAdded(ScriptPlugin script) {
        boolean ours = scripts.flatMap(host -> host.script(script.id())).orElse(null) == script;
        if (!running || runtime == null || !ours || runtime.has(script.id())) {
            return; // the bot stops, a newer generation found the file itself, or this one registered it already
        }
        List<String> roomJids = config.rooms().stream().filter(RoomSettings::allScripts)
                .map(room -> room.jid().toString()).toList();
        List<String> problems = runtime.add(script, roomJids);
        if (!problems.isEmpty()) {
            log.error("New script {} not started: {}", script.file().getFileName(), String.join("; ", problems));
            return;
        }
        log.info("New script {} {}; enabled in {}", script.id(), script.startOutcome(), roomJids.isEmpty()
                ? "no room yet (list it in a room's plugins, or give the room 'scripts: all')" : roomJids);
    }

    synchronized DispatchStats stats() {
        return runtime.stats();
    }

    /** What the console's plugins page shows: the running plugins, their last errors, the scripts, the disabled. */
    synchronized PluginsPage.Snapshot snapshot() {
        return runtime == null ? new PluginsPage.Snapshot(List.of(), Map.of(), Optional.empty())
                : new PluginsPage.Snapshot(runtime.ids(), runtime.lastErrors(), scripts, pauses.disabled());
    }

    /**
     * Disables (pauses) or enables a Java plugin of the running generation, for the console ({@link PluginPauses}).
     *
     * @return what happened, which the console words for its operator; empty when no Java plugin of that id runs
     *         (scripts have their own)
     */
    synchronized Optional<PluginsPage.SwitchOutcome> setEnabled(String pluginId, boolean enabled, String operator) {
        boolean script = scripts.flatMap(host -> host.script(pluginId)).isPresent();
        if (runtime == null || !runtime.has(pluginId) || script) {
            return Optional.empty();
        }
        boolean changed = enabled ? pauses.enable(pluginId, operator, runtime)
                : pauses.disable(pluginId, operator, runtime);
        return Optional.of(enabled ? (changed ? PluginsPage.SwitchOutcome.ENABLED : PluginsPage.SwitchOutcome.NOT_DISABLED)
                : (changed ? PluginsPage.SwitchOutcome.DISABLED : PluginsPage.SwitchOutcome.ALREADY_DISABLED));
    }

    private void stopCurrent() {
        intake.switchTo(new LoggingEventSink());
        if (runtime != null) {
            runtime.stop();
            runtime = null;
        }
        scripts.ifPresent(ScriptHost::close);
        scripts = Optional.empty();
        if (catalog != null) {
            catalog.close();
            catalog = null;
        }
    }

    @Override
    public void start() {
        // Plugins start when the host is built, before the bot connects.
    }

    @Override
    public synchronized void stop() {
        if (running) {
            running = false;
            newScriptsThread.shutdown();
            stopCurrent();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the bot has left its rooms (which has the default phase), starts before it connects. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
