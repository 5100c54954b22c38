package org.majordome.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Checks message bundles: every language the bot speaks has a file, with every key of the English one and no
 * other, and each text uses exactly the placeholders of the English text (a translation that drops {@code {1}}
 * would hide what the text is about; one that adds {@code {2}} would print it as written). For tests: shared by
 * the runtime's and the plugins' bundle tests.
 */
public final class BundleCheck {

    private BundleCheck() {
    }

    /** What is wrong with one bundle, one line per problem; empty when nothing is. */
    public static List<String> problems(Bundle bundle, List<String> languages) {
        List<String> problems = new ArrayList<>();
        Map<String, String> english = bundle.texts("");
        if (english.isEmpty()) {
            return List.of(bundle.name() + ": no English (root) file, or it is empty");
        }
        english.forEach((key, pattern) -> {
            if (Placeholders.of(pattern).isEmpty()) {
                problems.add(bundle.name() + ": '" + key + "' is not a valid message pattern in English");
            }
        });
        for (String language : languages) {
            if (language.equals("en")) {
                continue;
            }
            if (!bundle.hasFile(language)) {
                problems.add(bundle.name() + ": no file for '" + language + "' (" + Bundle.fileName(bundle.name(), language)
                        + ")");
                continue;
            }
            Map<String, String> translated = bundle.texts(language);
            for (Map.Entry<String, String> entry : english.entrySet()) {
                String text = translated.get(entry.getKey());
                if (text == null) {
                    problems.add(bundle.name() + "_" + language + ": missing key '" + entry.getKey() + "'");
                    continue;
                }
                Optional<Set<String>> used = Placeholders.of(text);
                Set<String> expected = Placeholders.of(entry.getValue()).orElse(Set.of());
                if (used.isEmpty()) {
                    problems.add(bundle.name() + "_" + language + ": '" + entry.getKey() + "' is not a valid message pattern");
                } else if (!used.get().equals(expected)) {
                    problems.add(bundle.name() + "_" + language + ": '" + entry.getKey() + "' uses "
                            + Placeholders.describe(used.get()) + " where English uses " + Placeholders.describe(expected));
                }
            }
            new TreeSet<>(translated.keySet()).stream().filter(key -> !english.containsKey(key)).forEach(key ->
                    problems.add(bundle.name() + "_" + language + ": key '" + key + "' is not in the English file"));
        }
        return problems;
    }

    /**
     * The base names (slash-separated, without {@code .properties}) of every plugin or runtime bundle on the class
     * path: each {@code messages.properties} of a directory or jar of {@code java.class.path}.
     */
    public static List<String> bundlesOnClassPath() {
        TreeSet<String> names = new TreeSet<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.walk(path)) {
                    files.filter(file -> file.getFileName().toString().equals(Bundles.PLUGIN_BUNDLE + ".properties"))
                            .forEach(file -> names.add(baseName(path.relativize(file).toString().replace('\\', '/'))));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else if (entry.endsWith(".jar") && Files.isRegularFile(path) && (path.getFileName().toString()
                    .startsWith("bot-core") || path.getFileName().toString().startsWith("majordome"))) {
                try (JarFile jar = new JarFile(path.toFile())) {
                    for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                        String name = entries.nextElement().getName();
                        if (name.endsWith("/" + Bundles.PLUGIN_BUNDLE + ".properties")) {
                            names.add(baseName(name));
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return List.copyOf(names);
    }

    /** The script bundles of a scripts directory: each {@code name.properties} beside a {@code name.js}. */
    public static List<Bundle> scriptBundles(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".js"))
                    .map(name -> name.substring(0, name.length() - 3))
                    .filter(name -> Files.isRegularFile(directory.resolve(name + ".properties")))
                    .sorted().map(name -> Bundle.inDirectory(directory, name)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String baseName(String file) {
        return file.substring(0, file.length() - ".properties".length());
    }
}
