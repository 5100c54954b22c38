package org.majordome.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One thing wrong with a configuration file, located precisely enough to be fixed without guessing.
 *
 * @param file    the file, as the user named it
 * @param line    1-based line, or 0 when the problem concerns the whole file (missing, empty, unreadable)
 * @param column  1-based column, or 0 when unknown
 * @param key     the key path ({@code rooms[1].config.max-users}), or empty for the whole file
 * @param value   the offending text as written, already masked ({@value #MASK}) for secrets, or {@code null}
 *                when there is no single offending value (missing key, wrong node kind)
 * @param message what is wrong, phrased as what was expected ("expected a whole number >= 1")
 */
public record ConfigProblem(Path file, int line, int column, String key, String value, String message) {

    /** What a secret's value is shown as. */
    public static final String MASK = "******";

    private static final int LONGEST_VALUE_SHOWN = 80;

    public ConfigProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(message, "message");
    }

    /**
     * The compiler-style line, e.g. {@code bot.yml:12:7: rooms[1].config.max-users: expected a whole number >= 1,
     * got 'lots'}: editors and terminals turn the location into a link.
     */
    public String format() {
        StringBuilder text = new StringBuilder(file.toString());
        if (line > 0) {
            text.append(':').append(line);
            if (column > 0) {
                text.append(':').append(column);
            }
        }
        text.append(": ");
        if (!key.isEmpty()) {
            text.append(key).append(": ");
        }
        text.append(message);
        if (value != null) {
            text.append(", got '").append(shorten(value)).append('\'');
        }
        return text.toString();
    }

    /**
     * The compiler-style line of a warning, e.g. {@code bot.yml:87:7: warning: plugins.welcome.rooms.help@conference.
     * example.org: plugin 'welcome' is not enabled in this room...}.
     */
    public String formatWarning() {
        String location = file.toString() + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "");
        return location + ": warning: " + format().substring(location.length() + 2);
    }

    private static String shorten(String value) {
        String oneLine = value.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
        return oneLine.length() <= LONGEST_VALUE_SHOWN ? oneLine : oneLine.substring(0, LONGEST_VALUE_SHOWN) + "...";
    }
}
