package org.majordome.config;

/**
 * A plugin's own section of the configuration file, not yet bound: the plugin runtime binds it to
 * the plugin's typed config record and reports problems with the same file/line/key precision.
 *
 * @param pluginId the key under {@code plugins:}
 * @param node     the YAML node (snakeyaml-engine {@code Node}, carrying its marks)
 */
public record PluginSection(String pluginId, org.snakeyaml.engine.v2.nodes.Node node) { }
