package org.majordome.text;

import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The languages the bot speaks: English, and every language the runtime's own bundle has a file for
 * ({@code org/majordome/text/messages_<language>.properties}). Adding that file (and the plugins' ones) is all a
 * new language takes.
 */
public final class Languages {

    /** The runtime's own bundle, whose files say which languages the bot speaks. */
    public static final String RUNTIME_BUNDLE = "org/majordome/text/messages";

    private static volatile List<String> spoken;

    private Languages() {
    }

    /** The language tags the bot speaks, {@code en} first, the others in alphabetical order. */
    public static List<String> spoken() {
        List<String> known = spoken;
        if (known == null) {
            ClassLoader loader = Languages.class.getClassLoader();
            TreeSet<String> others = new TreeSet<>();
            for (String language : Locale.getISOLanguages()) {
                if (!language.equals("en") && loader.getResource(Bundle.fileName(RUNTIME_BUNDLE, language)) != null) {
                    others.add(language);
                }
            }
            known = Stream.concat(Stream.of("en"), others.stream()).toList();
            spoken = known;
        }
        return known;
    }

    /**
     * The language a configuration names ({@code fr}, {@code fr-CA}, {@code en}), for the configuration reader.
     *
     * @throws IllegalArgumentException when it is not a language tag, or not a language the bot speaks
     */
    public static Locale parse(String tag) {
        Locale locale;
        try {
            locale = new Locale.Builder().setLanguageTag(tag.strip().replace('_', '-')).build();
        } catch (IllformedLocaleException malformed) {
            throw new IllegalArgumentException("not a language tag: " + tag, malformed);
        }
        if (!spoken().contains(locale.getLanguage())) {
            throw new IllegalArgumentException("the bot does not speak " + tag);
        }
        return locale;
    }

    /** How to describe the accepted values in a configuration problem. */
    public static String expected() {
        return "a language the bot speaks: " + String.join(", ", spoken());
    }
}
