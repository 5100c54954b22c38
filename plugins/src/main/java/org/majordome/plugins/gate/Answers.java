package org.majordome.plugins.gate;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Compares a visitor's answer with the accepted ones the way people expect: "Élan", "elan" and " ELAN! " are the
 * same answer. Case, accents (any combining mark after Unicode decomposition), punctuation and extra spaces are
 * ignored; letters of every script and digits count.
 */
final class Answers {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Answers() {
    }

    /** The answer reduced to what counts: lower-case letters and digits without accents, single spaces. */
    static String normalize(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        String bare = MARKS.matcher(decomposed).replaceAll("");
        return NOT_WORD.matcher(bare.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** Whether {@code given} is one of {@code accepted}. */
    static boolean matches(String given, List<String> accepted) {
        String normalized = normalize(given);
        return !normalized.isEmpty() && accepted.stream().anyMatch(answer -> normalize(answer).equals(normalized));
    }
}
