package org.majordome.plugins.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.majordome.api.ConfigBindingException;
import org.majordome.plugins.gate.GateConfig.Check;
import org.majordome.plugins.testsupport.PluginSections;

class GateConfigTest {

    private static final String LOBBY = "lobby@conference.example.org";

    /** The YAML of the package documentation is what the plugin reads. */
    @Test
    void theDocumentedSectionBindsToTheDefaultsAndItsRoomOverride() throws Exception {
        String doc = Files.readString(Path.of("src/main/java/org/majordome/plugins/gate/package-info.java"));
        Matcher yaml = Pattern.compile("(?s)<pre>\\{@code\\n \\* (plugins:.*?)\\n \\* }</pre>").matcher(doc);
        assertThat(yaml.find()).isTrue();
        String section = yaml.group(1).lines().map(line -> line.replaceFirst("^ \\* ?", "")).skip(2)
                .reduce("", (a, b) -> a + b.substring(Math.min(4, b.length())) + "\n");

        GateConfig config = PluginSections.bind("gate", GateConfig.class, section);

        GateConfig defaults = GateConfig.defaults();
        assertThat(config.check()).isEqualTo(Check.WAIT);
        assertThat(config.waitTime()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.failedText()).isEqualTo(defaults.failedText());
        assertThat(config.bothText()).isEqualTo(defaults.bothText());
        GateConfig lobby = config.forRoom(LOBBY);
        assertThat(lobby.check()).isEqualTo(Check.QUESTION);
        assertThat(lobby.questions()).singleElement().satisfies(q -> assertThat(q.answers()).contains("cat"));
        assertThat(config.forRoom("other@conference.example.org").check()).isEqualTo(Check.WAIT);
    }

    @Test
    void aQuestionCheckWithoutQuestionsIsRefusedWhereverItIsSet() {
        assertThatThrownBy(() -> PluginSections.bind("gate", GateConfig.class, "check: question\n"))
                .isInstanceOf(ConfigBindingException.class).hasMessageContaining("needs at least one question");
        assertThatThrownBy(() -> PluginSections.bind("gate", GateConfig.class, """
                rooms:
                  lobby@conference.example.org:
                    check: both
                """)).isInstanceOf(ConfigBindingException.class).hasMessageContaining("needs at least one question");
    }

    @Test
    void anUnknownPlaceholderOrAnAnswerlessQuestionIsRefused() {
        assertThatThrownBy(() -> PluginSections.bind("gate", GateConfig.class, "wait-text: \"Hi {name}\"\n"))
                .isInstanceOf(ConfigBindingException.class).hasMessageContaining("{name}");
        assertThatThrownBy(() -> new GateConfig.Question("Sky?", List.of("!!")))
                .hasMessageContaining("needs at least one answer");
    }

    /** A refusal names its key: a question's answers, or a room's key under {@code rooms}. */
    @Test
    void aRefusedValueIsReportedAtItsOwnKey() {
        assertThatThrownBy(() -> PluginSections.bind("gate", GateConfig.class, """
                check: question
                questions:
                  - question: "Sky?"
                    answers: ["!!"]
                """)).isInstanceOf(ConfigBindingException.class)
                .hasMessageContaining("plugins.gate.questions[0].answers: \"Sky?\" needs at least one answer, each with "
                        + "a letter or digit");
        assertThatThrownBy(() -> PluginSections.bind("gate", GateConfig.class, """
                rooms:
                  lobby@conference.example.org:
                    tries: 0
                """)).isInstanceOf(ConfigBindingException.class)
                .hasMessageContaining("plugins.gate: rooms.lobby@conference.example.org.tries: must be 1 or more, was 0");
    }
}
