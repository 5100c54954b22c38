package org.majordome.app;

import java.util.ArrayList;
import java.util.List;

import org.majordome.api.ConfigBindingException;
import org.majordome.api.NoConfig;
import org.majordome.api.Plugin;
import org.majordome.api.PluginContext;
import org.majordome.script.ScriptAdminPlugin;
import org.majordome.config.BotConfig;
import org.majordome.config.PluginConfigBinder;
import org.majordome.dispatch.PluginRegistry;
import org.majordome.plugin.PluginCatalog;
import org.majordome.plugin.PluginLoader;
import org.majordome.script.ScriptHost;

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
            List<Plugin<?>> plugins = new ArrayList<>(catalog.instances());
            try {
                config.dispatch().scriptsDirectory().ifPresent(directory ->
                {
                    ScriptHost.scriptIds(directory).forEach(id -> plugins.add(new ScriptPlaceholder(id)));
                    plugins.add(new ScriptPlaceholder(ScriptAdminPlugin.ID));
                });
            } catch (IllegalArgumentException unreadable) {
                problems.add(config.source() + ": dispatch.scripts-directory: " + unreadable.getMessage());
            }
            PluginRegistry registry = PluginRegistry.build(plugins, config.pluginsByRoom());
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
                if (plugins.stream().noneMatch(plugin -> plugin.id().equals(id))) {
                    problems.add(config.source() + ": plugins." + id + ": no plugin has this id (known: "
                            + plugins.stream().map(Plugin::id).toList() + ")");
                }
            }
            return problems;
        }
    }

    /** A script's id, checked without starting GraalJS: scripts take their configuration as it is. */
    private record ScriptPlaceholder(String id) implements Plugin<NoConfig> {
        @Override
        public Class<NoConfig> configType() {
            return NoConfig.class;
        }

        @Override
        public void start(PluginContext<NoConfig> context) {
            throw new UnsupportedOperationException("only checked, never started");
        }
    }
}
