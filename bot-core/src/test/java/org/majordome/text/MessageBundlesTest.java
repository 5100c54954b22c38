package org.majordome.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Issue 20: every bundle is complete in every language the bot speaks, with the same placeholders; and the check
 * itself catches a missing key and a placeholder that differs.
 */
class MessageBundlesTest {

    @Test
    void everyBundleOnTheClassPathHasEveryKeyWithTheSamePlaceholdersInEveryLanguage() {
        List<String> problems = new ArrayList<>();
        List<String> bundles = BundleCheck.bundlesOnClassPath();
        assertThat(bundles).contains(Languages.RUNTIME_BUNDLE);
        for (String base : bundles) {
            problems.addAll(BundleCheck.problems(Bundle.onClassPath(getClass().getClassLoader(), base),
                    Languages.spoken()));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyShippedScriptBundleIsCompleteToo() {
        List<String> problems = new ArrayList<>();
        for (Bundle bundle : BundleCheck.scriptBundles(Path.of("..", "scripts"))) {
            problems.addAll(BundleCheck.problems(bundle, Languages.spoken()));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theBotSpeaksEnglishAndFrench() {
        assertThat(Languages.spoken()).containsExactly("en", "fr");
    }

    @Test
    void aMissingKeyAndADifferentPlaceholderAreReported() {
        Bundle bundle = Bundle.of("demo/messages", Map.of(
                "", Map.of("greeting", "Hello {0}", "count", "{0, plural, one {# cat} other {# cats}}", "bye", "Bye"),
                "fr", Map.of("greeting", "Bonjour {1}", "count", "{0, plural, one {# chat} other {# chats}}",
                        "extra", "En trop")));

        assertThat(BundleCheck.problems(bundle, List.of("en", "fr"))).containsExactlyInAnyOrder(
                "demo/messages_fr: missing key 'bye'",
                "demo/messages_fr: 'greeting' uses {1} where English uses {0}",
                "demo/messages_fr: key 'extra' is not in the English file");
    }

    @Test
    void aLanguageWithoutAFileIsReported() {
        Bundle bundle = Bundle.of("demo/messages", Map.of("", Map.of("greeting", "Hello")));

        assertThat(BundleCheck.problems(bundle, List.of("en", "fr")))
                .containsExactly("demo/messages: no file for 'fr' (demo/messages_fr.properties)");
    }
}
