package org.majordome.plugin;

import java.io.IOException;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@link PluginLoader} found: the plugins, one per id, and every problem met on the way. Holds the class
 * loader of the plugin directory: {@link #close()} it only after the plugins stopped.
 */
public final class PluginCatalog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PluginCatalog.class);

    private final List<DiscoveredPlugin> plugins;
    private final List<String> problems;
    private final Optional<URLClassLoader> directoryLoader;

    PluginCatalog(List<DiscoveredPlugin> plugins, List<String> problems, Optional<URLClassLoader> directoryLoader) {
        this.plugins = List.copyOf(plugins);
        this.problems = List.copyOf(problems);
        this.directoryLoader = directoryLoader;
    }

    /** The plugins found, built-ins first (in class path order), then the directory's jars by file name. */
    public List<DiscoveredPlugin> plugins() {
        return plugins;
    }

    /** The plugin instances, in the same order, as {@code PluginRegistry.build} takes them. */
    public List<org.majordome.api.Plugin<?>> instances() {
        return plugins.stream().<org.majordome.api.Plugin<?>>map(DiscoveredPlugin::plugin).toList();
    }

    /** The plugin with this id, if found. */
    public Optional<DiscoveredPlugin> plugin(String id) {
        return plugins.stream().filter(found -> found.id().equals(id)).findFirst();
    }

    /** Everything that went wrong, each naming the jar (or {@code built-in}); empty when all loaded. */
    public List<String> problems() {
        return problems;
    }

    /** Releases the plugin jars. Plugins from them must not run any more. */
    @Override
    public void close() {
        directoryLoader.ifPresent(loader -> {
            try {
                loader.close();
            } catch (IOException failed) {
                LOG.warn("could not close the plugin directory's class loader", failed);
            }
        });
    }
}
