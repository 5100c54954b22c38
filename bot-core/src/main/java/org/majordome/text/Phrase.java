package org.majordome.text;

import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.majordome.api.text.Wording;

/**
 * A text of the runtime's bundle and its arguments, worded late: by whoever shows it, in its reader's language
 * ({@link #in}), and in English for the log ({@link #toString()}). For what one part of the runtime tells another
 * to show people (what a reload changed), where a ready-made sentence would be in one language only.
 *
 * @param key  the text's key in the runtime's bundle
 * @param args its arguments
 */
public record Phrase(String key, List<Object> args) implements Worded {

    private static final Wording ENGLISH = TextService.runtimeWording(Locale.ENGLISH, ZoneOffset.UTC);

    public Phrase {
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
    }

    public static Phrase of(String key, Object... args) {
        return new Phrase(key, Arrays.asList(args));
    }

    /** The text in that wording's language; an argument that is worded itself (a phrase) is worded in it too. */
    @Override
    public String in(Wording words) {
        return words.format(key, args.stream().map(arg -> arg instanceof Worded inner ? inner.in(words) : arg).toArray());
    }

    /** Each text in that wording's language. */
    public static List<String> in(List<Phrase> phrases, Wording words) {
        return phrases.stream().map(phrase -> phrase.in(words)).toList();
    }

    /** In English, for the log. */
    @Override
    public String toString() {
        return in(ENGLISH);
    }
}
