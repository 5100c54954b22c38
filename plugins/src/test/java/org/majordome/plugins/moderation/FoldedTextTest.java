package org.majordome.plugins.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * Moderation folded a long message twice (the whole text for the word rule, the first 500 characters for the
 * repetition rule), and the whole text even when only the repetition rule was on. It now folds each character
 * once, and only as far as the enabled rules read; the pieces give what folding the whole gave.
 */
class FoldedTextTest {

    private static final int COMPARED = RepetitionWatch.COMPARED_CHARS;

    @Test
    void aLongMessageIsFoldedOnceAndOnlyAsFarAsTheEnabledRulesRead() {
        String text = "Ｓｐａｍ é " + "word ".repeat(1_000);

        FoldedText repetitionOnly = FoldedText.of(text, false, true);
        assertThat(repetitionOnly.folded()).as("the whole text is not folded for nothing").isEmpty();
        assertThat(repetitionOnly.words()).isEmpty();
        assertThat(repetitionOnly.comparedWords()).isEqualTo(TextNormalizer.words(text, COMPARED));

        FoldedText wordsOnly = FoldedText.of(text, true, false);
        assertThat(wordsOnly.folded()).isEqualTo(TextNormalizer.fold(text, text.length()));
        assertThat(wordsOnly.comparedWords()).isEmpty();

        assertThat(FoldedText.of(text, false, false)).isEqualTo(FoldedText.NONE);
    }

    @Test
    void foldingInPiecesGivesWhatFoldingTheWholeGave() {
        SplittableRandom random = new SplittableRandom(12);
        String[] pieces = {"a", "B", "é", "e\u0301", "\u0301", "ﬁ", "Ｓ", "ѕ", "\u200B", "𝐒", "\uD801\uDC00", " ", "1",
                "$", "\n", "한", "ǅ", "ß", "İ"};
        for (int round = 0; round < 2_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = COMPARED - 20 + random.nextInt(60);
            while (text.length() < length) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String message = text.toString();
            FoldedText both = FoldedText.of(message, true, true);
            assertThat(both.folded()).isEqualTo(TextNormalizer.fold(message, message.length()));
            assertThat(both.words()).isEqualTo(TextNormalizer.wordsOfFolded(both.folded()));
            assertThat(both.comparedWords()).isEqualTo(TextNormalizer.words(message, COMPARED));
        }
    }
}
