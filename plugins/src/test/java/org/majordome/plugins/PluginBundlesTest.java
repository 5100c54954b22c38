package org.majordome.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.majordome.api.Plugin;
import org.majordome.api.command.Command;
import org.majordome.text.Bundles;
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

    /**
     * Issue 20: the gate's {@code !gate} had no help in its bundle, so {@code !help} described it in English in every
     * room. Every command of every shipped plugin has {@code command.<name>.help} in its bundle (which the test
     * above then checks in every language).
     */
    @Test
    void everyCommandOfAShippedPluginHasItsHelpInItsBundle() {
        List<String> missing = new ArrayList<>();
        for (Plugin<?> plugin : ServiceLoader.load(Plugin.class)) {
            Map<String, String> english = Bundles.ofClass(plugin.getClass()).texts("");
            for (Method method : plugin.getClass().getMethods()) {
                Command command = method.getAnnotation(Command.class);
                if (command != null && !english.containsKey("command." + command.name() + ".help")) {
                    missing.add(plugin.id() + ": command." + command.name() + ".help");
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static final Pattern PLAIN_SPACE_BEFORE = Pattern.compile(" [:;?»]| !(?=\\s|$)|« ");
    private static final Pattern STRAIGHT_APOSTROPHE = Pattern.compile("\\p{L}'\\p{L}");

    /**
     * French texts as a fluent writer sets them: a no-break space (never a plain one, which lets a line break leave
     * the colon alone) before {@code : ; ! ?} and inside {@code « »}, and the typographic apostrophe.
     */
    @Test
    void everyFrenchTextUsesFrenchTypography() {
        List<String> problems = new ArrayList<>();
        List<Bundle> bundles = new ArrayList<>(BundleCheck.bundlesOnClassPath().stream()
                .map(base -> Bundle.onClassPath(getClass().getClassLoader(), base)).toList());
        bundles.addAll(BundleCheck.scriptBundles(Path.of("..", "scripts")));
        for (Bundle bundle : bundles) {
            bundle.texts("fr").forEach((key, text) -> {
                if (PLAIN_SPACE_BEFORE.matcher(text).find()) {
                    problems.add(bundle.name() + "_fr: " + key + ": a plain space where French puts a no-break one");
                }
                if (STRAIGHT_APOSTROPHE.matcher(text).find()) {
                    problems.add(bundle.name() + "_fr: " + key + ": a straight apostrophe");
                }
            });
        }
        assertThat(problems).isEmpty();
    }
}
