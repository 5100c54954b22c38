package org.majordome.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import org.majordome.api.ConfigBinder;
import org.majordome.api.ConfigBindingException;
import org.majordome.api.Plugin;

/** Plugins, a registry, a started lifecycle and a dispatcher over fake rooms, wired as the runtime will. */
final class TestBot {

    final Fixtures.FakeRooms rooms = new Fixtures.FakeRooms();
    final Fixtures.FakeDirectChat directChat = new Fixtures.FakeDirectChat();
    final Fixtures.MutableClock clock = new Fixtures.MutableClock();
    final PluginRegistry registry;
    final CommandTable commands = new CommandTable();
    final PluginLifecycle lifecycle;
    final Dispatcher dispatcher;
    final List<String> startProblems;

    /** A binder for plugins without configuration sections: every test plugin uses NoConfig or this refusal. */
    static final ConfigBinder NO_SECTIONS = new ConfigBinder() {
        @Override
        public <C> C bind(String pluginId, Class<C> configType) throws ConfigBindingException {
            throw new ConfigBindingException(List.of("plugins." + pluginId + ": no section in the test configuration"));
        }
    };

    TestBot(List<? extends Plugin<?>> plugins, Map<String, List<String>> enabledByRoom, Collection<String> botAdmins,
            DispatcherSettings settings, Executor drainExecutor, Executor handlerExecutor) {
        enabledByRoom.keySet().forEach(rooms::add);
        registry = PluginRegistry.build(plugins, enabledByRoom);
        assertThat(registry.problems()).as("plugin problems").isEmpty();
        lifecycle = new PluginLifecycle(registry, commands, NO_SECTIONS,
                new PluginServices(rooms, directChat, clock));
        startProblems = lifecycle.startAll();
        dispatcher = new Dispatcher(registry, commands, new PermissionResolver(botAdmins), rooms, directChat, settings,
                clock, drainExecutor, handlerExecutor);
    }

    /** Everything runs on the offering thread: deterministic, for command tests. */
    static TestBot synchronous(List<? extends Plugin<?>> plugins, Map<String, List<String>> enabledByRoom,
                               Collection<String> botAdmins) {
        return new TestBot(plugins, enabledByRoom, botAdmins, DispatcherSettings.defaults(), Runnable::run, Runnable::run);
    }

    FakeRoom room(String roomJid) {
        return rooms.add(roomJid);
    }
}
