package org.majordome.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One message bundle: {@code base.properties} (English, the fallback) and {@code base_<tag>.properties} per
 * language, UTF-8, each read once when first needed. Lookups go from the most specific tag to the root
 * ({@code fr_CA}, {@code fr}, root), never through the JVM's default locale (which {@link java.util.ResourceBundle}
 * would consult, making an English room French on a French machine).
 */
public final class Bundle {

    /** A bundle with no texts, for a plugin that ships none. */
    public static final Bundle EMPTY = new Bundle("(none)", tag -> Optional.empty());

    private final String name;
    private final Function<String, Optional<Map<String, String>>> files;
    private final Map<String, Map<String, String>> loaded = new ConcurrentHashMap<>();

    private Bundle(String name, Function<String, Optional<Map<String, String>>> files) {
        this.name = name;
        this.files = files;
    }

    /**
     * The bundle {@code baseName} (slash-separated, without {@code .properties}) read through {@code loader}; empty
     * when it has no root file.
     */
    public static Bundle onClassPath(ClassLoader loader, String baseName) {
        return new Bundle(baseName, tag -> {
            try (InputStream in = loader.getResourceAsStream(fileName(baseName, tag))) {
                return in == null ? Optional.empty() : Optional.of(read(new InputStreamReader(in, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + fileName(baseName, tag), e);
            }
        });
    }

    /** The bundle {@code directory/name.properties}, {@code directory/name_fr.properties}... (a script's). */
    public static Bundle inDirectory(Path directory, String name) {
        return new Bundle(directory.resolve(name).toString(), tag -> {
            Path file = directory.resolve(fileName(name, tag));
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                return Optional.of(read(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        });
    }

    /** A bundle from maps, by tag ({@code ""} for the root): for tests. */
    public static Bundle of(String name, Map<String, Map<String, String>> byTag) {
        return new Bundle(name, tag -> Optional.ofNullable(byTag.get(tag)));
    }

    static String fileName(String base, String tag) {
        return base + (tag.isEmpty() ? "" : "_" + tag) + ".properties";
    }

    private static Map<String, String> read(Reader in) throws IOException {
        Properties properties = new Properties();
        properties.load(in);
        Map<String, String> texts = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted().forEach(key -> texts.put(key, properties.getProperty(key)));
        return Collections.unmodifiableMap(texts);
    }

    /** Where it is read from, for messages. */
    public String name() {
        return name;
    }

    /** The pattern of {@code key} in {@code language}, falling back to its parents and the root. */
    public Optional<String> pattern(Locale language, String key) {
        for (String tag : chain(language)) {
            String pattern = texts(tag).get(key);
            if (pattern != null) {
                return Optional.of(pattern);
            }
        }
        return Optional.empty();
    }

    /**
     * Every text of the bundle as {@code language} reads it: each key of the English file, from the most specific
     * file that has it (for a page that formats its texts itself).
     */
    public Map<String, String> resolved(Locale language) {
        Map<String, String> all = new LinkedHashMap<>();
        texts("").keySet().forEach(key -> pattern(language, key).ifPresent(text -> all.put(key, text)));
        return Collections.unmodifiableMap(all);
    }

    /** The texts of one file exactly ({@code ""} for the root), empty when there is no such file. */
    public Map<String, String> texts(String tag) {
        return loaded.computeIfAbsent(tag, t -> files.apply(t).orElse(Map.of()));
    }

    /** Whether the file for that tag exists. */
    public boolean hasFile(String tag) {
        return tag.isEmpty() ? !texts("").isEmpty() : files.apply(tag).isPresent();
    }

    /** The tags to try for a language, most specific first, the root ({@code ""}) last. */
    static List<String> chain(Locale language) {
        List<String> tags = new ArrayList<>();
        if (!language.getCountry().isEmpty()) {
            tags.add(language.getLanguage() + "_" + language.getCountry());
        }
        if (!language.getLanguage().isEmpty() && !language.getLanguage().equals("en")) {
            tags.add(language.getLanguage());
        }
        tags.add("");
        return tags;
    }
}
