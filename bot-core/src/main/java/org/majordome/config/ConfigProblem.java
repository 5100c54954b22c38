package org.majordome.config;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;

import org.majordome.api.text.Wording;
import org.majordome.text.Phrase;
import org.majordome.text.TextService;
import org.majordome.text.Worded;

/**
 * One thing wrong with a configuration file, located precisely enough to be fixed without guessing.
 *
 * @param file    the file, as the user named it
 * @param line    1-based line, or 0 when the problem concerns the whole file (missing, empty, unreadable)
 * @param column  1-based column, or 0 when unknown
 * @param key     the key path ({@code rooms[1].config.max-users}), or empty for the whole file
 * @param value   the offending text as written, already masked ({@value #MASK}) for secrets, or {@code null}
 *                when there is no single offending value (missing key, wrong node kind)
 * @param message what is wrong, in English, phrased as what was expected ("expected a whole number >= 1")
 * @param text    the same as a text of the runtime's bundle ({@code config.*}), worded in the reader's language by
 *                {@link #format(Wording)}; a problem reported as an English sentence only is {@code
 *                config.problem.as-written} with that sentence
 */
public record ConfigProblem(Path file, int line, int column, String key, String value, String message, Phrase text) {

    /** What a secret's value is shown as. */
    public static final String MASK = "******";

    private static final int LONGEST_VALUE_SHOWN = 80;
    private static final Wording ENGLISH = TextService.runtimeWording(Locale.ENGLISH, ZoneOffset.UTC);

    public ConfigProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(message, "message");
        if (text == null) {
            text = Phrase.of("config.problem.as-written", message);
        }
    }

    /** A problem said in English only. */
    public ConfigProblem(Path file, int line, int column, String key, String value, String message) {
        this(file, line, column, key, value, message, null);
    }

    /** A problem as a text of the runtime's bundle. */
    public ConfigProblem(Path file, int line, int column, String key, String value, Phrase text) {
        this(file, line, column, key, value, text.toString(), text);
    }

    /**
     * The compiler-style line, e.g. {@code bot.yml:12:7: rooms[1].config.max-users: expected a whole number >= 1,
     * got 'lots'}: editors and terminals turn the location into a link.
     */
    public String format() {
        return format(ENGLISH);
    }

    /** {@link #format()} in a language: the location is written the same way in every language. */
    public String format(Wording words) {
        return location() + ": " + what(words);
    }

    /**
     * The compiler-style line of a warning, e.g. {@code bot.yml:87:7: warning: plugins.welcome.rooms.help@conference.
     * example.org: plugin 'welcome' is not enabled in this room...}.
     */
    public String formatWarning() {
        return formatWarning(ENGLISH);
    }

    /** This problem as a warning line worded late, in its reader's language (a reload's report carries it). */
    public Worded asWarning() {
        return new Worded() {
            @Override
            public String in(Wording words) {
                return formatWarning(words);
            }

            @Override
            public String toString() {
                return formatWarning();
            }
        };
    }

    /** {@link #formatWarning()} in a language. */
    public String formatWarning(Wording words) {
        String file = this.file.toString() + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "");
        return file + ": " + words.format("config.problem.warning") + ": " + format(words).substring(file.length() + 2);
    }

    private String location() {
        StringBuilder text = new StringBuilder(file.toString());
        if (line > 0) {
            text.append(':').append(line);
            if (column > 0) {
                text.append(':').append(column);
            }
        }
        if (!key.isEmpty()) {
            text.append(": ").append(key);
        }
        return text.toString();
    }

    private String what(Wording words) {
        String what = text.in(words);
        return value == null ? what : words.format("config.problem.value", what, shorten(value));
    }

    private static String shorten(String value) {
        String oneLine = value.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
        return oneLine.length() <= LONGEST_VALUE_SHOWN ? oneLine : oneLine.substring(0, LONGEST_VALUE_SHOWN) + "...";
    }
}
