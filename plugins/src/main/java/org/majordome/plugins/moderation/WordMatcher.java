package org.majordome.plugins.moderation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * The compiled word list and patterns of one room: one RE2 automaton for all the words, one per pattern,
 * built once when the plugin starts. RE2 matches in time linear in the text, so neither a hostile pattern
 * in the configuration nor a hostile message can stall the bot the way a backtracking engine can.
 */
final class WordMatcher {

    private final Optional<Pattern> words;
    private final List<Pattern> patterns;

    private WordMatcher(Optional<Pattern> words, List<Pattern> patterns) {
        this.words = words;
        this.patterns = patterns;
    }

    /**
     * Each word is normalised like messages are ({@link TextNormalizer#words}) and matched as a whole word;
     * each of its letters may be repeated ({@code fuuuck}); a trailing {@code *} lets the word go on
     * ({@code spam*} also matches {@code spammer}).
     */
    static WordMatcher compile(List<String> wordList, List<String> patternList) {
        List<String> alternatives = new ArrayList<>();
        for (String entry : wordList) {
            boolean prefix = entry.endsWith("*");
            String normalized = TextNormalizer.words(prefix ? entry.substring(0, entry.length() - 1) : entry,
                    Integer.MAX_VALUE);
            if (normalized.isEmpty()) {
                continue;
            }
            StringBuilder regex = new StringBuilder();
            normalized.codePoints().forEach(codePoint -> {
                if (codePoint == ' ') {
                    regex.append(' ');
                } else {
                    regex.append(Pattern.quote(new String(Character.toChars(codePoint)))).append('+');
                }
            });
            if (prefix) {
                regex.append("[^ ]*");
            }
            alternatives.add(regex.toString());
        }
        Optional<Pattern> words = alternatives.isEmpty() ? Optional.empty()
                : Optional.of(Pattern.compile("(?:^| )(" + String.join("|", alternatives) + ")(?: |$)"));
        return new WordMatcher(words, patternList.stream().map(Pattern::compile).toList());
    }

    /** The forbidden word found in normalised words ({@link TextNormalizer#words}), if any. */
    Optional<String> findWord(String normalizedWords) {
        if (words.isEmpty()) {
            return Optional.empty();
        }
        Matcher matcher = words.get().matcher(normalizedWords);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** The first pattern that matches the folded text ({@link TextNormalizer#fold}), if any. */
    Optional<String> findPattern(String folded) {
        for (Pattern pattern : patterns) {
            if (pattern.matcher(folded).find()) {
                return Optional.of(pattern.pattern());
            }
        }
        return Optional.empty();
    }

    boolean isEmpty() {
        return words.isEmpty() && patterns.isEmpty();
    }
}
