package org.majordome.app;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.majordome.api.Plugin;
import org.majordome.config.BotConfig;
import org.majordome.dispatch.PluginResources;
import org.majordome.intake.CompositeEventSink;
import org.majordome.intake.EventSink;
import org.majordome.intake.LoggingEventSink;
import org.majordome.intake.SwitchableEventSink;
import org.majordome.plugin.PluginCatalog;
import org.majordome.plugin.PluginLoader;
import org.majordome.room.RoomKeeper;
import org.majordome.script.ScriptHost;
import org.majordome.script.ScriptSettings;
import org.majordome.schedule.SchedulerService;
import org.majordome.schedule.SchedulerSettings;
import org.majordome.store.Database;
import org.majordome.store.DatabaseSettings;
import org.majordome.store.StorageService;
import org.majordome.xmpp.XmppSession;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The runtime's beans. The validated {@link BotConfig} and the {@link StartOptions} are registered by
 * {@link RunningBot#start}.
 */
@Configuration(proxyBeanMethods = false)
class RuntimeConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    XmppSession xmppSession(BotConfig config) {
        return new XmppSession(config.connection(), config.runtime().rejoinBackoffMax());
    }

    @Bean
    SwitchableEventSink eventIntake() {
        return new SwitchableEventSink();
    }

    @Bean
    RoomKeeper roomKeeper(XmppSession session, BotConfig config, SwitchableEventSink eventIntake, Clock clock) {
        return new RoomKeeper(session, config.rooms(), config.runtime(), eventIntake, clock);
    }

    @Bean(destroyMethod = "close")
    Database database(BotConfig config) {
        DatabaseSettings settings = config.runtime().database()
                .map(external -> DatabaseSettings.jdbc(external.jdbcUrl(), external.user(),
                        external.password().orElse(null)).withMaxConnections(external.maxConnections()))
                .orElseGet(() -> DatabaseSettings.embedded(config.runtime().dataDirectory()));
        return Database.open(settings);
    }

    @Bean(destroyMethod = "close")
    SchedulerService schedulerService(Database database, Clock clock) {
        return SchedulerService.start(database, SchedulerSettings.defaults(), clock);
    }

    @Bean
    PluginResources pluginResources(Database database, SchedulerService scheduler) {
        return new StoredPluginResources(new StorageService(database), scheduler);
    }

    /** Built-in plugins on the class path and third-party jars in the plugin directory. */
    @Bean(destroyMethod = "close")
    PluginCatalog pluginCatalog(BotConfig config) {
        PluginCatalog catalog = PluginLoader.load(RuntimeConfiguration.class.getClassLoader(),
                config.dispatch().pluginDirectory());
        if (!catalog.problems().isEmpty()) {
            catalog.close();
            throw new StartupException(catalog.problems());
        }
        return catalog;
    }

    /** JavaScript plugins of {@code dispatch.scripts-directory}, when set; each section under plugins: is its config. */
    @Bean(destroyMethod = "close")
    Scripts scripts(BotConfig config) {
        return new Scripts(config.dispatch().scriptsDirectory().map(directory -> {
            try {
                return ScriptHost.open(ScriptSettings.defaults(directory)
                                .withCallTimeLimit(config.dispatch().scriptTimeLimit()),
                        id -> config.plugins().containsKey(id) ? config.plugins().get(id).plainValue() : null);
            } catch (IllegalArgumentException unreadable) {
                throw new StartupException(List.of(config.source() + ": dispatch.scripts-directory: "
                        + unreadable.getMessage()));
            }
        }));
    }

    @Bean
    PluginRuntime pluginRuntime(BotConfig config, StartOptions options, PluginCatalog catalog, RoomKeeper rooms,
                                PluginResources resources, Clock clock, SwitchableEventSink eventIntake,
                                Scripts scripts) {
        List<Plugin<?>> plugins = new ArrayList<>(catalog.instances());
        plugins.addAll(scripts.plugins());
        plugins.addAll(options.plugins());
        PluginRuntime runtime = new PluginRuntime(config, plugins, rooms, resources, clock);
        List<EventSink> consumers = new ArrayList<>();
        consumers.add(new LoggingEventSink());
        consumers.add(runtime.sink());
        consumers.addAll(options.sinks());
        eventIntake.switchTo(new CompositeEventSink(consumers));
        return runtime;
    }

    @Bean
    BotLifecycle botLifecycle(XmppSession session, RoomKeeper roomKeeper, PluginRuntime plugins) {
        return new BotLifecycle(session, roomKeeper);
    }

    /** The script host, if scripts are configured; closed after the plugins have stopped. */
    record Scripts(Optional<ScriptHost> host) implements AutoCloseable {
        List<Plugin<?>> plugins() {
            return host.map(ScriptHost::plugins).orElse(List.of());
        }

        @Override
        public void close() {
            host.ifPresent(ScriptHost::close);
        }
    }

    /**
     * What whoever starts the bot adds to its configuration: event sinks (tests, embedding applications)
     * and plugin instances (besides those discovered on the class path and in the plugin directory).
     */
    record StartOptions(List<EventSink> sinks, List<Plugin<?>> plugins) {
        StartOptions {
            sinks = List.copyOf(sinks);
            plugins = List.copyOf(plugins);
        }
    }
}
