package org.majordome.plugins.moderation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Undoes the cheap disguises of a forbidden word so that the word lists can stay short: compatibility
 * forms (fullwidth, mathematical and circled letters, ligatures: NFKD), case, accents and other combining
 * marks, invisible characters (zero-width spaces and joiners, soft hyphens, bidi controls), Cyrillic and
 * Greek look-alikes of Latin letters, leetspeak inside words ({@code sh1t}, {@code a$$}) and letters
 * spaced out ({@code f u c k}, {@code f.u.c.k}).
 *
 * <p>Everything here is a single pass over at most the capped text: linear time whatever the input.
 */
final class TextNormalizer {

    private TextNormalizer() {
    }

    /**
     * Compatibility-decomposed, lower-cased, without combining marks or invisible characters, look-alikes
     * mapped to Latin letters; punctuation and spacing are kept. Patterns are matched against this.
     */
    static String fold(String text, int maxChars) {
        String capped = text.length() > maxChars ? text.substring(0, maxChars) : text;
        String decomposed = Normalizer.normalize(capped, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        decomposed.codePoints().forEach(codePoint -> {
            int type = Character.getType(codePoint);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                    || type == Character.COMBINING_SPACING_MARK || codePoint == 0x034F) {
                return;
            }
            int lower = Character.toLowerCase(codePoint);
            char latin = lookAlike(lower);
            if (latin != 0) {
                out.append(latin);
            } else {
                out.appendCodePoint(lower);
            }
        });
        return out.toString();
    }

    /**
     * The words of the text, single-spaced: {@link #fold}, then leetspeak mapped inside words that have a
     * letter, then runs of three or more single letters joined ({@code f u c k} becomes {@code fuck}).
     * Word lists are matched against this.
     */
    static String words(String text, int maxChars) {
        return wordsOfFolded(fold(text, maxChars));
    }

    /** {@link #words} of a text already {@link #fold folded}, so that a caller needing both folds once. */
    static String wordsOfFolded(String folded) {
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (Character.isLetterOrDigit(c) || LEET_SYMBOLS.indexOf(c) >= 0 || Character.isSurrogate(c)) {
                token.append(c);
            } else if (!token.isEmpty()) {
                tokens.add(unleet(token));
                token.setLength(0);
            }
        }
        if (!token.isEmpty()) {
            tokens.add(unleet(token));
        }
        return joinSpacedLetters(tokens);
    }

    /**
     * What a name looks like, for comparing nicknames: {@link #words} without spaces or punctuation, with
     * the letters people confuse made one ({@code l} and {@code i}, {@code rn} and {@code m}, {@code vv} and
     * {@code w}) and repeated letters squeezed.
     */
    static String skeleton(String text, int maxChars) {
        String words = words(text, maxChars).replace(" ", "").replace("rn", "m").replace("vv", "w").replace('l', 'i');
        StringBuilder out = new StringBuilder(words.length());
        for (int i = 0; i < words.length(); i++) {
            char c = words.charAt(i);
            if (out.isEmpty() || out.charAt(out.length() - 1) != c) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static final String LEET_SYMBOLS = "@$!|+€";

    /** Leetspeak inside a word that has at least one letter; a trailing '!' stays punctuation. */
    private static String unleet(StringBuilder token) {
        int end = token.length();
        while (end > 0 && token.charAt(end - 1) == '!') {
            end--;
        }
        boolean hasLetter = false;
        for (int i = 0; i < end && !hasLetter; i++) {
            hasLetter = Character.isLetter(token.charAt(i));
        }
        StringBuilder out = new StringBuilder(end);
        for (int i = 0; i < end; i++) {
            char c = token.charAt(i);
            char mapped = hasLetter ? leet(c) : 0;
            if (mapped != 0) {
                out.append(mapped);
            } else if (Character.isLetterOrDigit(c) || Character.isSurrogate(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String joinSpacedLetters(List<String> tokens) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < tokens.size()) {
            int run = i;
            while (run < tokens.size() && tokens.get(run).length() == 1 && Character.isLetter(tokens.get(run).charAt(0))) {
                run++;
            }
            if (run - i >= 3) {
                append(out, String.join("", tokens.subList(i, run)));
                i = run;
            } else {
                if (!tokens.get(i).isEmpty()) {
                    append(out, tokens.get(i));
                }
                i++;
            }
        }
        return out.toString();
    }

    private static void append(StringBuilder out, String word) {
        if (!out.isEmpty()) {
            out.append(' ');
        }
        out.append(word);
    }

    private static char leet(char c) {
        return switch (c) {
            case '0' -> 'o';
            case '1', '!', '|' -> 'i';
            case '3', '€' -> 'e';
            case '4', '@' -> 'a';
            case '5', '$' -> 's';
            case '7', '+' -> 't';
            case '8' -> 'b';
            case '9' -> 'g';
            default -> 0;
        };
    }

    /** Lower-case Cyrillic and Greek letters that look like Latin ones; 0 for any other character. */
    private static char lookAlike(int codePoint) {
        return switch (codePoint) {
            case 'а', 'α' -> 'a';
            case 'в', 'β', 'ь' -> 'b';
            case 'с', 'ϲ' -> 'c';
            case 'ԁ' -> 'd';
            case 'е', 'ё', 'ε', 'є' -> 'e';
            case 'ɡ' -> 'g';
            case 'н', 'һ' -> 'h';
            case 'і', 'ї', 'ι', 'ı' -> 'i';
            case 'ј' -> 'j';
            case 'к', 'κ' -> 'k';
            case 'м' -> 'm';
            case 'η', 'п' -> 'n';
            case 'о', 'ο', 'σ' -> 'o';
            case 'р', 'ρ' -> 'p';
            case 'ѕ' -> 's';
            case 'т', 'τ' -> 't';
            case 'υ', 'μ' -> 'u';
            case 'ν' -> 'v';
            case 'ѡ', 'ω', 'ш' -> 'w';
            case 'х', 'χ' -> 'x';
            case 'у', 'γ' -> 'y';
            default -> 0;
        };
    }

    /** Lower case in the root locale, for JIDs and domains. */
    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
