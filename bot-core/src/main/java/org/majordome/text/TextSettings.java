package org.majordome.text;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What the configuration says about texts, for one generation of the plugins.
 *
 * @param language  the bot's language ({@code runtime.language}): rooms that name none, users who declare none
 * @param timeZone  the bot's zone ({@code runtime.time-zone}), for texts outside rooms
 * @param overrides the keepers' texts by room JID (lower case), then plugin id, then key
 */
public record TextSettings(Locale language, ZoneId timeZone, Map<String, Map<String, Map<String, String>>> overrides) {

    public TextSettings {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(timeZone, "timeZone");
        overrides = Map.copyOf(overrides);
    }

    /** English, in that zone, with the shipped texts. */
    public static TextSettings english(ZoneId timeZone) {
        return new TextSettings(Locale.ENGLISH, timeZone, Map.of());
    }

    /** The keepers' texts of one plugin in one room. */
    Map<String, String> overrides(String roomJid, String pluginId) {
        return overrides.getOrDefault(roomJid.toLowerCase(Locale.ROOT), Map.of()).getOrDefault(pluginId, Map.of());
    }
}
