package org.majordome.plugins.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class AnswersTest {

    @Test
    void caseAccentsPunctuationAndSpacesAreIgnored() {
        assertThat(Answers.normalize("  Élan,  VITAL! ")).isEqualTo("elan vital");
        assertThat(Answers.matches("ELAN vital", List.of("élan vital"))).isTrue();
        assertThat(Answers.matches("Straße", List.of("strasse", "straße"))).isTrue();
        assertThat(Answers.matches("ｂｌｕｅ", List.of("blue"))).as("full-width letters").isTrue();
    }

    @Test
    void aDifferentWordOrAnEmptyAnswerIsWrong() {
        assertThat(Answers.matches("elan", List.of("élan vital"))).isFalse();
        assertThat(Answers.matches("?!", List.of("blue"))).isFalse();
        assertThat(Answers.matches("", List.of("blue"))).isFalse();
    }
}
