package org.majordome.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.majordome.api.text.ConfigRefusal;
import org.majordome.api.text.Wording;
import org.majordome.text.TextService;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Issue 20: a plugin's config record refused a value with an English sentence only; a {@link ConfigRefusal} names
 * the key and a text of the bundle beside the record, and the binder reports it at that key, worded late in the
 * reader's language.
 */
class RecordBinderRefusalTest {

    private static final Wording FRENCH = TextService.runtimeWording(Locale.FRENCH, ZoneOffset.UTC);

    /** A record with a refusal of its own, its text in this package's test bundle. */
    record Lines(int maxLines, String title) {
        Lines {
            if (maxLines > 10) {
                throw new ConfigRefusal("max-lines", "config.too-many", 10, maxLines);
            }
            if (title.isBlank()) {
                throw new IllegalArgumentException("title: must not be blank");
            }
        }
    }

    private static ConfigProblems bind(String yaml) {
        ConfigProblems problems = new ConfigProblems(Path.of("bot.yml"));
        Node node = new Compose(LoadSettings.builder().build()).composeString(yaml).orElseThrow();
        Optional<Lines> bound = RecordBinder.bind(ConfigReader.of(problems, "plugins.lines", node), Lines.class);
        assertThat(bound).isEmpty();
        return problems;
    }

    @Test
    void aRecordsRefusalWasEnglishOnlyAndIsNowWordedInTheReadersLanguageAtItsKey() {
        ConfigProblems problems = bind("""
                title: Lines
                max-lines: 12
                """);

        assertThat(problems.all()).hasSize(1);
        ConfigProblem problem = problems.all().getFirst();
        assertThat(problem.format(FRENCH)).isEqualTo("bot.yml:2:12: plugins.lines.max-lines: doit valoir au plus 10, "
                + "et non 12");
        assertThat(problem.format()).isEqualTo("bot.yml:2:12: plugins.lines.max-lines: must be at most 10, was 12");
        assertThat(problem.message()).isEqualTo("must be at most 10, was 12");
    }

    @Test
    void aRefusalsMessageStaysAnEnglishSentenceWithItsKey() {
        ConfigRefusal refusal = new ConfigRefusal("max-lines", "config.too-many", 10, 12);

        assertThat(refusal.getMessage()).isEqualTo("max-lines: must be at most 10, was 12");
        assertThat(refusal.within("rooms.lobby@conference.localhost").getMessage())
                .isEqualTo("rooms.lobby@conference.localhost.max-lines: must be at most 10, was 12");
        assertThat(new ConfigRefusal("max-lines", "config.no-such-text", 3).getMessage())
                .isEqualTo("max-lines: config.no-such-text [3]");
    }

    @Test
    void aPlainIllegalArgumentExceptionIsStillReportedAsWrittenAtItsKey() {
        ConfigProblems problems = bind("""
                title: " "
                max-lines: 3
                """);

        assertThat(problems.all().getFirst().format(FRENCH)).isEqualTo("bot.yml:1:8: plugins.lines.title: must not be "
                + "blank");
    }
}
