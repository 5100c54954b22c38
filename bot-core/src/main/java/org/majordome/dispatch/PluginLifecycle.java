package org.majordome.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.majordome.api.ConfigBinder;
import org.majordome.api.ConfigBindingException;
import org.majordome.api.NoConfig;
import org.majordome.api.Plugin;
import org.majordome.api.command.CommandRegistry;
import org.majordome.api.event.BotEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and stops the plugins of a {@link PluginRegistry}: registers their annotated commands, binds their
 * configuration, calls {@link Plugin#start} and marks them running; the reverse on stop. A plugin whose
 * configuration or start fails stays stopped and its problem is reported.
 */
public final class PluginLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(PluginLifecycle.class);

    private final PluginRegistry registry;
    private final CommandTable commands;
    private final ConfigBinder binder;
    private final PluginServices services;
    /** Where plugins' own events go: the dispatcher, once it exists (plugins start before it). */
    private volatile Predicate<BotEvent> events = event -> false;

    public PluginLifecycle(PluginRegistry registry, CommandTable commands, ConfigBinder binder, PluginServices services) {
        if (!registry.problems().isEmpty()) {
            throw new IllegalArgumentException("cannot start plugins with problems: " + registry.problems());
        }
        this.registry = registry;
        this.commands = commands;
        this.binder = binder;
        this.services = services;
    }

    /**
     * Where the events plugins publish go from now on ({@link org.majordome.api.PluginContext#publish}): the
     * dispatcher's {@code offer}. Until it is set (while the plugins start) a published event is refused.
     */
    public void publishTo(Predicate<BotEvent> sink) {
        this.events = java.util.Objects.requireNonNull(sink, "sink");
    }

    private boolean publish(BotEvent event) {
        return events.test(event);
    }

    /**
     * Starts every plugin, in load order.
     *
     * @return the problems of plugins that could not start (each names the plugin); empty when all run
     */
    public List<String> startAll() {
        List<String> problems = new ArrayList<>();
        for (PluginRegistry.LoadedPlugin loaded : registry.all()) {
            problems.addAll(start(loaded));
        }
        return List.copyOf(problems);
    }

    /**
     * Starts one registered plugin that is not running (one added by {@link PluginRegistry#add}).
     *
     * @return its problems; empty when it runs
     */
    public List<String> start(String pluginId) {
        return registry.all().stream().filter(loaded -> loaded.id().equals(pluginId)).findFirst()
                .map(this::start).orElse(List.of("no plugin '" + pluginId + "' is registered"));
    }

    private List<String> start(PluginRegistry.LoadedPlugin loaded) {
        try {
            for (PluginScanner.DeclaredCommand command : loaded.scan().commands()) {
                commands.register(loaded.id(), command.spec(), command.handler());
            }
            start(loaded.plugin());
            registry.markRunning(loaded.id());
            // A plugin that can start without running (a script whose file failed to load) says so itself.
            String outcome = loaded.plugin() instanceof StartReport report ? report.startOutcome() : "started";
            LOG.info("plugin {} {}", loaded.id(), outcome);
            return List.of();
        } catch (ConfigBindingException badConfig) {
            commands.removeAll(loaded.id());
            return badConfig.problems().stream().map(problem -> "plugin '" + loaded.id() + "': " + problem).toList();
        } catch (RuntimeException | LinkageError failed) {
            commands.removeAll(loaded.id());
            LOG.error("plugin {} failed to start", loaded.id(), failed);
            return List.of("plugin '" + loaded.id() + "' failed to start: " + failed);
        }
    }

    private <C> void start(Plugin<C> plugin) throws ConfigBindingException {
        Class<C> configType = plugin.configType();
        C config = configType == NoConfig.class ? configType.cast(NoConfig.INSTANCE) : binder.bind(plugin.id(), configType);
        CommandRegistry registry = commands.registryFor(plugin.id());
        plugin.start(new RuntimePluginContext<>(plugin.id(), plugin.getClass(), config, services, registry,
                roomJid -> this.registry.isEnabledIn(plugin.id(), roomJid), this::publish,
                services.texts().forPlugin(plugin)));
    }

    /** Stops every running plugin, in reverse load order; a failing stop is logged and the others go on. */
    public void stopAll() {
        List<PluginRegistry.LoadedPlugin> all = new ArrayList<>(registry.all());
        java.util.Collections.reverse(all);
        for (PluginRegistry.LoadedPlugin loaded : all) {
            if (!registry.isRunning(loaded.id())) {
                continue;
            }
            registry.markStopped(loaded.id());
            commands.removeAll(loaded.id());
            try {
                loaded.plugin().stop();
                LOG.info("plugin {} stopped", loaded.id());
            } catch (RuntimeException | LinkageError failed) {
                LOG.error("plugin {} failed to stop cleanly", loaded.id(), failed);
            } finally {
                services.resources().release(loaded.id());
            }
        }
    }
}
