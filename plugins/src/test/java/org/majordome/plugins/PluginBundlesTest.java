package org.majordome.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.majordome.text.Bundle;
import org.majordome.text.BundleCheck;
import org.majordome.text.Languages;

/**
 * Issue 20: every shipped plugin's bundle (and the runtime's, on this class path too) has every key in every
 * language the bot speaks, with the same placeholders as the English text.
 */
class PluginBundlesTest {

    @Test
    void everyBundleOfTheShippedPluginsIsCompleteInEveryLanguage() {
        List<String> bundles = BundleCheck.bundlesOnClassPath();
        assertThat(bundles).contains("org/majordome/plugins/core/messages", Languages.RUNTIME_BUNDLE);
        List<String> problems = new ArrayList<>();
        for (String base : bundles) {
            problems.addAll(BundleCheck.problems(Bundle.onClassPath(getClass().getClassLoader(), base),
                    Languages.spoken()));
        }
        assertThat(problems).isEmpty();
    }
}
