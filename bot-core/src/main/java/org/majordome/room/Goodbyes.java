package org.majordome.room;

import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;

import org.majordome.text.TextService;

/**
 * The status text of the bot's leaving presence (XEP-0045 §7.14), which every occupant reads: the runtime's own
 * goodbyes (shutting down, a room no longer in the file, an administrator's {@code leave}) are said in each room's
 * language; a text the operator wrote ({@code runtime.leave-status}) is said as written.
 */
final class Goodbyes {

    /** The runtime's goodbyes, as the code names them (in English), by their key in the runtime's bundle. */
    private static final Map<String, String> KEYS = Map.of(
            "Majordome is shutting down", "goodbye.shutting-down",
            "This room is no longer kept by Majordome", "goodbye.no-longer-kept",
            "An administrator asked Majordome to leave", "goodbye.left-by-admin");

    private Goodbyes() {
    }

    /** The goodbye as the room reads it. */
    static String said(String goodbye, Locale roomLanguage) {
        String key = goodbye == null ? null : KEYS.get(goodbye);
        return key == null ? goodbye : TextService.runtimeWording(roomLanguage, ZoneOffset.UTC).format(key);
    }
}
