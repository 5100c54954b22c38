package org.majordome.api;

/** The configuration type of a plugin that takes none: its section, if any, is not read. */
public enum NoConfig {
    /** The only value; what {@link PluginContext#config()} returns to a plugin without configuration. */
    INSTANCE
}
