package org.majordome.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.majordome.text.Languages;
import org.majordome.text.Placeholders;
import org.majordome.text.Phrase;

/**
 * A room's {@code language} and {@code texts}, and the check of every replaced text against the bundle it
 * replaces a text of: the plugin exists, the key is one of its texts, and the replacement uses the same
 * placeholders as the shipped text (one it lacks would be printed as written, one it drops would hide what the
 * text is about).
 */
final class TextChecks {

    /** The id under which {@code rooms[].texts} replaces the runtime's own answers ({@code !help}, refusals). */
    static final String RUNTIME = "runtime";

    /** One replaced text as written in the file. */
    record OverrideRef(ConfigValue value, String pluginId, String key, String text) {
    }

    private TextChecks() {
    }

    static RoomTexts roomTexts(ConfigReader room, List<OverrideRef> refs) {
        Optional<Locale> language = room.optional("language", Languages.expected(), Languages::parse);
        Map<String, Map<String, String>> overrides = new LinkedHashMap<>();
        room.value("texts").flatMap(ConfigValue::asSection).ifPresent(texts -> texts.entries().forEach((plugin, section) ->
                section.asSection().ifPresent(keys -> keys.entries().forEach((key, value) ->
                        value.asString().ifPresent(text -> {
                            overrides.computeIfAbsent(plugin, p -> new LinkedHashMap<>()).put(key, text);
                            refs.add(new OverrideRef(value, plugin, key, text));
                        })))));
        return new RoomTexts(language, overrides);
    }

    /** The placeholders as the problem shows them; none in the reader's language. */
    private static Object placeholders(Set<String> names) {
        return names.isEmpty() ? Phrase.of("config.problem.no-placeholders") : Placeholders.describe(names);
    }

    /**
     * Checks every replaced text against the shipped ones.
     *
     * @param shipped  by plugin id ({@link #RUNTIME} included), the shipped texts: key to English pattern
     * @param knownIds the plugins that exist; one whose texts are not given is not checked
     */
    static void check(List<OverrideRef> refs, Map<String, Map<String, String>> shipped, Set<String> knownIds) {
        for (OverrideRef ref : refs) {
            Map<String, String> texts = shipped.get(ref.pluginId());
            if (texts == null && knownIds.contains(ref.pluginId())) {
                continue;
            }
            if (texts == null) {
                ref.value().reportProblem(Phrase.of("config.problem.no-texts", ref.pluginId(),
                        new TreeSet<>(shipped.keySet()).toString()), false);
                continue;
            }
            String original = texts.get(ref.key());
            if (original == null) {
                ref.value().reportProblem(Phrase.of("config.problem.no-such-text", ref.pluginId(), ref.key()), false);
                continue;
            }
            Optional<Set<String>> used = Placeholders.of(ref.text());
            if (used.isEmpty()) {
                ref.value().reportProblem(Phrase.of("config.problem.bad-pattern", "{", "}", "'{'", "'}'"), true);
                continue;
            }
            Set<String> expected = Placeholders.of(original).orElse(Set.of());
            if (!used.get().equals(expected)) {
                ref.value().reportProblem(Phrase.of("config.problem.placeholders-differ",
                        placeholders(used.get()), placeholders(expected)), true);
            }
        }
    }
}
