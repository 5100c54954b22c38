package org.majordome.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.majordome.api.NoConfig;
import org.majordome.api.Plugin;
import org.majordome.api.PluginContext;
import org.majordome.config.DispatchSettings;
import org.majordome.config.KnownPlugins;
import org.majordome.text.Bundle;
import org.majordome.text.Bundles;
import org.majordome.dispatch.PluginRegistry;
import org.majordome.plugin.PluginCatalog;
import org.majordome.plugin.PluginLoader;
import org.majordome.script.ScriptAdminPlugin;
import org.majordome.script.ScriptHost;

/**
 * Finds the plugins a file's {@code dispatch} settings give, for {@link org.majordome.config.ConfigLoader} to
 * check the file against ({@code check-config}, start and reload share this): the catalog (built-ins and the
 * plugin directory's jars), the scripts of the scripts directory (without starting GraalJS) and the plugin
 * instances whoever started the bot added. The catalog it loaded can be handed to the plugin generation that
 * runs next ({@link #takeCatalog}), so that a reload loads it once; otherwise {@link #close} releases it.
 */
final class PluginFinder implements Function<DispatchSettings, KnownPlugins>, AutoCloseable {

    private final List<Plugin<?>> extraPlugins;
    private PluginCatalog catalog;

    /** @param extraPlugins plugin instances run besides the discovered ones (tests, embedding applications) */
    PluginFinder(List<Plugin<?>> extraPlugins) {
        this.extraPlugins = List.copyOf(extraPlugins);
    }

    @Override
    public KnownPlugins apply(DispatchSettings dispatch) {
        close();
        catalog = PluginLoader.load(PluginFinder.class.getClassLoader(), dispatch.pluginDirectory());
        List<KnownPlugins.Problem> problems = new ArrayList<>();
        catalog.problems().forEach(problem -> problems.add(new KnownPlugins.Problem("dispatch.plugin-directory",
                problem)));
        List<Plugin<?>> plugins = new ArrayList<>(catalog.instances());
        plugins.addAll(extraPlugins);
        List<String> scriptIds = new ArrayList<>();
        if (dispatch.scriptsDirectory().isPresent()) {
            try {
                scriptIds.addAll(ScriptHost.scriptIds(dispatch.scriptsDirectory().get()));
            } catch (IllegalArgumentException unreadable) {
                problems.add(new KnownPlugins.Problem("dispatch.scripts-directory", unreadable.getMessage()));
            }
            scriptIds.forEach(id -> plugins.add(new ScriptPlaceholder(id)));
            plugins.add(new ScriptPlaceholder(ScriptAdminPlugin.ID));
        }
        // The plugins' own declarations (handler signatures, command names, ids used twice), rooms aside.
        PluginRegistry.build(plugins, Map.of()).problems()
                .forEach(problem -> problems.add(new KnownPlugins.Problem("", problem)));
        Map<String, Class<?>> types = new LinkedHashMap<>();
        Map<String, Map<String, String>> texts = new LinkedHashMap<>();
        for (Plugin<?> plugin : plugins) {
            if (plugin.configType() != null) {
                types.putIfAbsent(plugin.id(), plugin.configType());
            }
            Bundle bundle = plugin instanceof ScriptPlaceholder
                    ? Bundles.ofScript(dispatch.scriptsDirectory().orElseThrow().resolve(plugin.id() + ".js"))
                    : Bundles.ofClass(plugin.getClass());
            texts.putIfAbsent(plugin.id(), bundle.texts(""));
        }
        return new KnownPlugins(types, java.util.Set.copyOf(scriptIds), problems, texts);
    }

    /** The catalog found by the last {@link #apply}, now the caller's to close; empty if none was loaded. */
    Optional<PluginCatalog> takeCatalog() {
        Optional<PluginCatalog> taken = Optional.ofNullable(catalog);
        catalog = null;
        return taken;
    }

    @Override
    public void close() {
        if (catalog != null) {
            catalog.close();
            catalog = null;
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
