package org.majordome.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The plugins a configuration file may name, as the runtime found them for the file's {@code dispatch}
 * settings: what {@link ConfigLoader} needs to check rooms' plugin lists and bind every {@code plugins.<id>}
 * section, so that a file is checked whole, plugin values included, in one pass.
 *
 * @param configTypes by plugin id, the type its section binds to: a record, or {@code NoConfig} (and scripts)
 *                    for a plugin that takes its section as it is
 * @param scriptIds   the ids of JavaScript plugins, enabled by a room's {@code scripts: all}
 * @param problems    what went wrong finding them (an unreadable plugin jar, a plugin with a bad handler)
 * @param texts       by plugin id, the English texts of its bundle (key to pattern), the runtime's own under
 *                    {@code runtime}: what a room's {@code texts} may replace
 */
public record KnownPlugins(Map<String, Class<?>> configTypes, Set<String> scriptIds, List<Problem> problems,
                           Map<String, Map<String, String>> texts) {

    public KnownPlugins {
        configTypes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(configTypes));
        scriptIds = Set.copyOf(scriptIds);
        problems = List.copyOf(problems);
        texts = Map.copyOf(texts);
    }

    /** Plugins whose texts are not known: a room's {@code texts} are then checked against the runtime's only. */
    public KnownPlugins(Map<String, Class<?>> configTypes, Set<String> scriptIds, List<Problem> problems) {
        this(configTypes, scriptIds, problems, Map.of());
    }

    /**
     * One problem met while finding the plugins.
     *
     * @param key     the key of the file it concerns ({@code dispatch.plugin-directory}), or empty
     * @param message what is wrong
     */
    public record Problem(String key, String message) {
        public Problem {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(message, "message");
        }
    }
}
