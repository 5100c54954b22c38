package org.majordome.plugin;

import java.util.Objects;

import org.majordome.api.Plugin;

/**
 * A plugin instance and where it came from.
 *
 * @param plugin the instance, created with its public no-argument constructor
 * @param origin {@code built-in} for a plugin on the application class path, else the jar's file name
 */
public record DiscoveredPlugin(Plugin<?> plugin, String origin) {

    /** The origin of plugins found on the application class path. */
    public static final String BUILT_IN = "built-in";

    public DiscoveredPlugin {
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(origin, "origin");
    }

    /** The plugin's id. */
    public String id() {
        return plugin.id();
    }
}
