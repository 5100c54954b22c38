package org.majordome.config;

import java.util.Map;
import java.util.Optional;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * A plugin's own section of the configuration file, not yet bound: the plugin runtime binds it to the plugin's
 * typed config with {@link #reader(ConfigProblems)}, which reports problems with the same file/line/key
 * precision as the rest of the file. {@code ${VAR}} references in it are already expanded.
 *
 * @param pluginId the key under {@code plugins:}
 * @param node     the YAML node (snakeyaml-engine {@code Node}, carrying its marks); a null scalar when the
 *                 section was left empty
 */
public record PluginSection(String pluginId, Node node) {

    /** A reader over this section, at key path {@code plugins.<id>}; an empty section reads as an empty mapping. */
    public ConfigReader reader(ConfigProblems problems) {
        return ConfigReader.of(problems, "plugins." + pluginId, node);
    }

    /**
     * The section as plain values (maps with string keys, lists, strings, numbers, booleans, null), for
     * plugins without a typed configuration record, such as JavaScript plugins; an empty section is an
     * empty map.
     */
    public Object plainValue() {
        Object value = new StandardConstructor(LoadSettings.builder().build()).constructSingleDocument(Optional.of(node));
        return value == null ? Map.of() : value;
    }

    /** Only the id and line: the node's text may hold expanded secrets. */
    @Override
    public String toString() {
        int line = node.getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
        return "PluginSection[pluginId=" + pluginId + ", line=" + line + "]";
    }
}
