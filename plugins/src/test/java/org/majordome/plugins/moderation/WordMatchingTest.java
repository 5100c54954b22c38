package org.majordome.plugins.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Obfuscated forbidden words are caught; ordinary words that merely contain one are not. */
class WordMatchingTest {

    private static final WordMatcher MATCHER = WordMatcher.compile(
            List.of("fuck", "shit", "ass", "spam*", "kill yourself"), List.of("discord\\.gg/\\w+"));

    private static boolean caught(String message) {
        return MATCHER.findWord(TextNormalizer.words(message, 2_000)).isPresent()
                || MATCHER.findPattern(TextNormalizer.fold(message, 2_000)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "fuck", "FUCK this", "what the f u c k", "f.u.c.k you", "f_u_c_k", "fuuuuuck", "ｆｕｃｋ",
            "f\u200Buck", "f\u00ADu\u200Dck", "fu\u0336c\u0336k", "fúck", "𝐟𝐮𝐜𝐤", "ⓕⓤⓒⓚ",
            "sh1t", "$h!t happens", "ѕhіt", "ЅНІТ", "a$$", "kiss my 4ss", "you ass!", "spammer", "SPAM",
            "k1ll   yourself", "join discord.gg/abcdef now", "DISCORD.GG/xyz",
    })
    void obfuscatedWordsAreCaught(String message) {
        assertThat(caught(message)).as(message).isTrue();
    }

    /** The false-positive trap list: none of these may ever be actioned. */
    @ParameterizedTest
    @ValueSource(strings = {
            "class", "assassin", "grass is green", "passage", "bass guitar", "assume nothing", "as you wish",
            "Scunthorpe", "shiitake mushrooms", "shift key", "the shirt", "Fuchsia", "a s k me", "s h i p",
            "I am a first-class act", "sushi time", "a spa day", "5 apples", "class of 2024", "Essex",
            "embassy", "cassette", "harass", "compass", "spa", "Massachusetts", "discord is fine", "1337 h4x0r",
            "shh it is late", "as s", "the killer app", "kill the process yourself", "f-uck-ing tired? no: fun",
    })
    void ordinaryWordsAreNotCaught(String message) {
        assertThat(caught(message)).as(message).isFalse();
    }

    @Test
    void skeletonsOfLookAlikeNicksAreEqual() {
        assertThat(TextNormalizer.skeleton("Admin", 100)).isEqualTo(TextNormalizer.skeleton("Αdmіn", 100))
                .isEqualTo(TextNormalizer.skeleton("AdmIn", 100))
                .isEqualTo(TextNormalizer.skeleton("Adm1n_", 100))
                .isEqualTo(TextNormalizer.skeleton("Admlnn", 100));
        assertThat(TextNormalizer.skeleton("Alice", 100)).isNotEqualTo(TextNormalizer.skeleton("Alicia", 100));
    }

    @Test
    void foldingCapsTheTextExamined() {
        assertThat(TextNormalizer.fold("x".repeat(100_000), 2_000)).hasSize(2_000);
    }
}
