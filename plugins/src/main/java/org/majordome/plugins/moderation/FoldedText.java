package org.majordome.plugins.moderation;

/**
 * The folded forms ({@link TextNormalizer#fold}) of one message that the enabled text rules read, each folded
 * once and only as far as a rule reads: the word rule reads the whole (capped) text, the repetition rule its
 * first {@link RepetitionWatch#COMPARED_CHARS} characters. A long message read by both is folded in two
 * pieces, the compared head and the rest, joined for the word rule: folding works character by character
 * (compatibility decomposition never joins characters, and the combining marks whose order it may change are
 * dropped), so the pieces join into the fold of the whole, unless the cut splits a surrogate pair, which is
 * then folded whole.
 *
 * @param folded        the whole text folded, for patterns; empty when the word rule is off
 * @param words         {@code folded}'s words ({@link TextNormalizer#wordsOfFolded}); empty when the word rule is off
 * @param comparedWords the words of the compared head; empty when the repetition rule is off
 */
record FoldedText(String folded, String words, String comparedWords) {

    static final FoldedText NONE = new FoldedText("", "", "");

    static FoldedText of(String capped, boolean wordRule, boolean repetitionRule) {
        int compared = RepetitionWatch.COMPARED_CHARS;
        if (!wordRule && !repetitionRule) {
            return NONE;
        }
        if (capped.length() <= compared) {
            String folded = TextNormalizer.fold(capped, capped.length());
            String words = TextNormalizer.wordsOfFolded(folded);
            return new FoldedText(wordRule ? folded : "", wordRule ? words : "", repetitionRule ? words : "");
        }
        boolean cutSplitsAPair = Character.isSurrogatePair(capped.charAt(compared - 1), capped.charAt(compared));
        String head = repetitionRule || !cutSplitsAPair ? TextNormalizer.fold(capped, compared) : "";
        String comparedWords = repetitionRule ? TextNormalizer.wordsOfFolded(head) : "";
        if (!wordRule) {
            return new FoldedText("", "", comparedWords);
        }
        String folded = cutSplitsAPair ? TextNormalizer.fold(capped, capped.length())
                : head + TextNormalizer.fold(capped.substring(compared), capped.length());
        return new FoldedText(folded, TextNormalizer.wordsOfFolded(folded), comparedWords);
    }
}
