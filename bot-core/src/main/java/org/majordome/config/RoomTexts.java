package org.majordome.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a room's configuration says about the bot's texts there.
 *
 * @param language  the language the bot speaks in the room ({@code rooms[].language}); empty: {@code runtime.language}
 * @param overrides the keepers' own texts ({@code rooms[].texts}), by plugin id ({@code runtime} for the runtime's
 *                  answers) then text key; used when the bot speaks the room's language
 */
public record RoomTexts(Optional<Locale> language, Map<String, Map<String, String>> overrides) {

    /** A room in the bot's language, with the shipped texts. */
    public static final RoomTexts NONE = new RoomTexts(Optional.empty(), Map.of());

    public RoomTexts {
        Objects.requireNonNull(language, "language");
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        overrides.forEach((plugin, texts) -> copy.put(plugin, Collections.unmodifiableMap(new LinkedHashMap<>(texts))));
        overrides = Collections.unmodifiableMap(copy);
    }

    /** The keepers' texts for one plugin; empty when they replace none. */
    public Map<String, String> overridesOf(String pluginId) {
        return overrides.getOrDefault(pluginId, Map.of());
    }
}
