package org.majordome.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.majordome.api.ConfigBindingException;
import org.majordome.api.NoConfig;
import org.majordome.api.Plugin;
import org.majordome.config.BotConfig;
import org.majordome.config.PluginConfigBinder;
import org.majordome.config.RoomSettings;
import org.majordome.dispatch.PluginRegistry;
import org.majordome.plugin.PluginCatalog;
import org.majordome.plugin.PluginLoader;

/**
 * What {@code check-config} verifies beyond the file itself, without starting anything: every plugin a
 * room enables exists, and every plugin's section binds to its configuration record.
 */
final class PluginCheck {

    private PluginCheck() {
    }

    static List<String> problems(BotConfig config) {
        try (PluginCatalog catalog = PluginLoader.load(PluginCheck.class.getClassLoader(),
                config.dispatch().pluginDirectory())) {
            List<String> problems = new ArrayList<>(catalog.problems());
            Map<String, List<String>> enabledByRoom = new LinkedHashMap<>();
            for (RoomSettings room : config.rooms()) {
                enabledByRoom.put(room.jid().toString(), room.plugins());
            }
            PluginRegistry registry = PluginRegistry.build(catalog.instances(), enabledByRoom);
            registry.problems().forEach(problem -> problems.add(config.source() + ": " + problem));
            PluginConfigBinder binder = new PluginConfigBinder(config);
            for (Plugin<?> plugin : catalog.instances()) {
                if (plugin.configType() == null || plugin.configType() == NoConfig.class) {
                    continue;
                }
                try {
                    binder.bind(plugin.id(), plugin.configType());
                } catch (ConfigBindingException e) {
                    e.problems().forEach(problem -> problems.add("plugin '" + plugin.id() + "': " + problem));
                }
            }
            for (String id : config.plugins().keySet()) {
                if (catalog.plugin(id).isEmpty()) {
                    problems.add(config.source() + ": plugins." + id + ": no plugin has this id (known: "
                            + catalog.instances().stream().map(Plugin::id).toList() + ")");
                }
            }
            return problems;
        }
    }
}
