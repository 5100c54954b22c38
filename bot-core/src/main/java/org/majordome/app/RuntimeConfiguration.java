package org.majordome.app;

import java.time.Clock;
import java.util.List;

import org.majordome.api.Plugin;
import org.majordome.config.BotConfig;
import org.majordome.dispatch.PluginResources;
import org.majordome.intake.EventSink;
import org.majordome.intake.SwitchableEventSink;
import org.majordome.room.RoomKeeper;
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

    @Bean
    PluginHost pluginHost(BotConfig config, StartOptions options, RoomKeeper rooms, PluginResources resources,
                          Clock clock, SwitchableEventSink eventIntake) {
        return new PluginHost(config, options, rooms, resources, clock, eventIntake);
    }

    @Bean
    ConfigReloader configReloader(BotConfig config, RoomKeeper rooms, PluginHost plugins) {
        return new ConfigReloader(config, rooms, plugins);
    }

    @Bean
    BotLifecycle botLifecycle(XmppSession session, RoomKeeper roomKeeper, PluginHost plugins) {
        return new BotLifecycle(session, roomKeeper);
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
