package org.majordome.app;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import org.majordome.api.Plugin;
import org.majordome.config.BotConfig;

/** Finds the plugins on the class path (the built-in ones register themselves with {@link ServiceLoader}). */
final class PluginDiscovery {

    private PluginDiscovery() {
    }

    static List<Plugin<?>> discover(BotConfig config) {
        List<Plugin<?>> found = new ArrayList<>();
        for (Plugin<?> plugin : ServiceLoader.load(Plugin.class)) {
            found.add(plugin);
        }
        return found;
    }
}
