package org.majordome.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.majordome.api.NoConfig;
import org.majordome.text.Phrase;

/**
 * The part of reading a file that needs the plugins: every plugin a room names exists, every
 * {@code plugins.<id>} section belongs to a plugin and binds to its configuration record (the record's own
 * checks included: cron expressions, patterns, templates...), and a plugin without a section has defaults.
 * Problems go into the file's {@link ConfigProblems}, with line, column and key, like every other one.
 */
final class PluginChecks {

    /** A plugin id as a room lists it, where it is written. */
    record RoomPluginRef(ConfigValue value, String id) {
    }

    private PluginChecks() {
    }

    static void check(KnownPlugins known, ConfigReader dispatch, List<RoomPluginRef> roomPlugins,
                      ConfigReader pluginsSection, Map<String, PluginSection> sections) {
        ConfigProblems problems = dispatch.problems();
        for (KnownPlugins.Problem problem : known.problems()) {
            String key = problem.key().startsWith("dispatch.") ? problem.key().substring("dispatch.".length()) : "";
            Optional<ConfigValue> at = key.isEmpty() ? Optional.empty() : dispatch.value(key);
            if (at.isPresent()) {
                at.get().reportProblem(problem.message(), false);
            } else {
                problems.reportFile(problem.message());
            }
        }
        String knownIds = known.configTypes().keySet().toString();
        for (RoomPluginRef ref : roomPlugins) {
            if (!known.configTypes().containsKey(ref.id())) {
                ref.value().reportProblem(Phrase.of("config.problem.unknown-plugin", ref.id(), knownIds), false);
            }
        }
        known.configTypes().forEach((id, type) -> {
            PluginSection section = sections.get(id);
            if (type == NoConfig.class || known.scriptIds().contains(id)) {
                return;
            }
            if (!type.isRecord()) {
                problems.reportFile("plugin '" + id + "': its config type " + type.getName() + " is not a record");
            } else if (section != null) {
                bind(section.reader(problems), type);
            } else if (RecordBinder.defaultsOf(type).isEmpty()) {
                pluginsSection.reportKeyProblem(id, Phrase.of("config.problem.missing-plugin-section"));
            }
        });
        sections.keySet().stream().filter(id -> !known.configTypes().containsKey(id)).forEach(id ->
                pluginsSection.reportKeyProblem(id, Phrase.of("config.problem.unknown-plugin", id, knownIds)));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void bind(ConfigReader reader, Class<?> type) {
        RecordBinder.bind(reader, (Class) type);
    }
}
