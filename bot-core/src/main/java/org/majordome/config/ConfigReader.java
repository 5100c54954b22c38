package org.majordome.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.majordome.text.Phrase;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads one mapping of a configuration file key by key, reporting every mistake (wrong type, missing or
 * unknown key, invalid value) with file, line, column and key path to a shared {@link ConfigProblems}.
 *
 * <p>Methods never throw: they return the value, a default, or empty after a problem was reported. Read every
 * key, build your record only when {@link ConfigProblems#isEmpty()}, and finish each mapping with
 * {@link #rejectUnknownKeys()}, which flags every key that was never asked for. A plugin binds its own
 * section like this:
 *
 * <pre>{@code
 * ConfigProblems problems = new ConfigProblems(botConfig.source());
 * ConfigReader section = pluginSection.reader(problems);
 * Duration every = section.duration("every", Duration.ofHours(1));
 * List<String> words = section.list("banned-words", ConfigValue::asNonBlankString);
 * Optional<Secret> token = section.optionalSecret("api-token");
 * section.rejectUnknownKeys();
 * problems.throwIfAny();       // ConfigException listing everything wrong
 * }</pre>
 *
 * <p>An absent key and a key with an empty ({@code null}) value are the same: "not set".
 */
public final class ConfigReader {

    private final ConfigProblems problems;
    private final String path;
    private final Node location;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final Set<String> knownKeys = new LinkedHashSet<>();
    // An absent or malformed section reads as empty; when malformed, its "missing key" reports would only repeat
    // the problem already reported about the section itself.
    private final boolean quiet;

    ConfigReader(ConfigProblems problems, String path, MappingNode mapping) {
        this(problems, path, mapping, mapping);
    }

    /** @param location where "missing key" problems point: the key introducing the mapping, when there is one */
    private ConfigReader(ConfigProblems problems, String path, MappingNode mapping, Node location) {
        this(problems, path, location, false);
        for (NodeTuple entry : mapping.getValue()) {
            if (entry.getKeyNode() instanceof ScalarNode key) {
                // Duplicate and non-scalar keys were reported when the file was loaded; keep the first.
                entries.putIfAbsent(key.getValue(), entry);
            }
        }
    }

    private ConfigReader(ConfigProblems problems, String path, Node location, boolean quiet) {
        this.problems = Objects.requireNonNull(problems, "problems");
        this.path = Objects.requireNonNull(path, "path");
        this.location = location;
        this.quiet = quiet;
    }

    /**
     * A reader over any node expected to be a mapping: reports a problem and reads as empty when it is
     * something else; reads as empty without a problem when it is {@code null} (a section left empty).
     *
     * @param path the node's key path, e.g. {@code plugins.moderation}
     */
    public static ConfigReader of(ConfigProblems problems, String path, Node node) {
        ConfigValue value = new ConfigValue(problems, path, node);
        if (value.isNull()) {
            return new ConfigReader(problems, path, node, false);
        }
        return value.asSection().orElseGet(() -> new ConfigReader(problems, path, node, true));
    }

    public String path() {
        return path;
    }

    /** Where this mapping is: the key introducing it, or the mapping itself (null for the document's absent root). */
    Node location() {
        return location;
    }

    public ConfigProblems problems() {
        return problems;
    }

    /** Whether the key is present with a non-null value. */
    public boolean has(String key) {
        return value(key).isPresent();
    }

    /** The value of a key, or empty when absent or null. Marks the key as known. */
    public Optional<ConfigValue> value(String key) {
        knownKeys.add(key);
        NodeTuple entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        ConfigValue value = new ConfigValue(problems, childPath(key), entry.getValueNode());
        return value.isNull() ? Optional.empty() : Optional.of(value);
    }

    /** The value of a key that must be set; reports "missing required key" otherwise. */
    public Optional<ConfigValue> required(String key) {
        Optional<ConfigValue> value = value(key);
        if (value.isEmpty() && !quiet) {
            NodeTuple entry = entries.get(key);
            if (entry != null) {
                problems.report(entry.getKeyNode(), childPath(key), null, Phrase.of("config.problem.value-required"));
            } else {
                problems.report(location, childPath(key), null, Phrase.of("config.problem.missing-key", key));
            }
        }
        return value;
    }

    public Optional<String> optionalString(String key) {
        return value(key).flatMap(ConfigValue::asString);
    }

    public String string(String key, String defaultValue) {
        return optionalString(key).orElse(defaultValue);
    }

    public Optional<String> requiredString(String key) {
        return required(key).flatMap(ConfigValue::asString);
    }

    /** A whole number {@code >= min}. */
    public Optional<Integer> optionalInt(String key, int min) {
        return optionalInt(key, min, Integer.MAX_VALUE);
    }

    /** A whole number within {@code [min, max]}. */
    public Optional<Integer> optionalInt(String key, int min, int max) {
        return value(key).flatMap(value -> value.asInt(min, max));
    }

    public int integer(String key, int min, int max, int defaultValue) {
        return optionalInt(key, min, max).orElse(defaultValue);
    }

    public Optional<Boolean> optionalBoolean(String key) {
        return value(key).flatMap(ConfigValue::asBoolean);
    }

    public boolean bool(String key, boolean defaultValue) {
        return optionalBoolean(key).orElse(defaultValue);
    }

    /** A positive duration; see {@link ConfigValue#asDuration()}. */
    public Optional<Duration> optionalDuration(String key) {
        return value(key).flatMap(ConfigValue::asDuration);
    }

    public Duration duration(String key, Duration defaultValue) {
        return optionalDuration(key).orElse(defaultValue);
    }

    /** An enum constant in kebab case; see {@link ConfigValue#asEnum(Class)}. */
    public <E extends Enum<E>> Optional<E> optionalEnum(String key, Class<E> type) {
        return value(key).flatMap(value -> value.asEnum(type));
    }

    public <E extends Enum<E>> E enumValue(String key, Class<E> type, E defaultValue) {
        return optionalEnum(key, type).orElse(defaultValue);
    }

    /** A secret; see {@link ConfigValue#asSecret()}. */
    public Optional<Secret> optionalSecret(String key) {
        return value(key).flatMap(ConfigValue::asSecret);
    }

    public Optional<Secret> requiredSecret(String key) {
        return required(key).flatMap(ConfigValue::asSecret);
    }

    /** Any scalar converted by a parser; see {@link ConfigValue#as(String, ConfigValue.Parser)}. */
    public <T> Optional<T> optional(String key, String expected, ConfigValue.Parser<T> parser) {
        return value(key).flatMap(value -> value.as(expected, parser));
    }

    public <T> Optional<T> required(String key, String expected, ConfigValue.Parser<T> parser) {
        return required(key).flatMap(value -> value.as(expected, parser));
    }

    /** {@link #optional(String, String, ConfigValue.Parser)} with what is expected as a text of the runtime's bundle. */
    public <T> Optional<T> optional(String key, Phrase expected, ConfigValue.Parser<T> parser) {
        return value(key).flatMap(value -> value.as(expected, parser));
    }

    /** A nested mapping; reads as empty when absent. */
    public ConfigReader section(String key) {
        return value(key).map(value -> nested(key, value))
                .orElseGet(() -> new ConfigReader(problems, childPath(key), keyNodeOr(key, location), false));
    }

    /** A nested mapping that must be present. */
    public Optional<ConfigReader> requiredSection(String key) {
        return required(key).map(value -> nested(key, value));
    }

    private ConfigReader nested(String key, ConfigValue value) {
        if (value.node() instanceof MappingNode mapping) {
            return new ConfigReader(problems, value.path(), mapping, keyNodeOr(key, mapping));
        }
        return of(problems, value.path(), value.node());
    }

    /** A list, each item as a {@link ConfigValue}; empty when absent. */
    public List<ConfigValue> list(String key) {
        return value(key).flatMap(ConfigValue::asList).orElse(List.of());
    }

    /** A list whose items are each converted, e.g. {@code list("admins", ConfigValue::asEntityBareJid)}. */
    public <T> List<T> list(String key, Function<ConfigValue, Optional<T>> item) {
        return value(key).flatMap(value -> value.asListOf(item)).orElse(List.of());
    }

    /**
     * All entries, for mappings whose keys are data rather than a schema (plugin ids, for instance). Marks
     * every key as known. Null values are included.
     */
    public Map<String, ConfigValue> entries() {
        Map<String, ConfigValue> values = new LinkedHashMap<>();
        entries.forEach((key, entry) -> {
            knownKeys.add(key);
            values.put(key, new ConfigValue(problems, childPath(key), entry.getValueNode()));
        });
        return Collections.unmodifiableMap(values);
    }

    /** The keys present in this mapping, in file order. */
    public List<String> keys() {
        return new ArrayList<>(entries.keySet());
    }

    /** Reports a problem about a key itself (not its value), at the key. */
    public void reportKeyProblem(String key, String message) {
        reportKeyProblem(key, Phrase.of("config.problem.as-written", message));
    }

    /** {@link #reportKeyProblem(String, String)} as a text of the runtime's bundle. */
    public void reportKeyProblem(String key, Phrase message) {
        problems.report(keyNodeOr(key, location), childPath(key), null, message);
    }

    /** Warns about a key itself (valid, but it can never apply), at the key. */
    void warnAtKey(String key, Phrase message) {
        problems.warn(keyNodeOr(key, location), childPath(key), message);
    }

    /**
     * Reports every key that no method of this reader was asked about, with the keys that were, and a guess
     * when one is close ("did you mean 'max-users'?"). Call it after reading all keys.
     */
    public void rejectUnknownKeys() {
        for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
            String key = entry.getKey();
            if (knownKeys.contains(key)) {
                continue;
            }
            String known = String.join(", ", knownKeys);
            Phrase message = knownKeys.isEmpty() ? Phrase.of("config.problem.unknown-key.none", key)
                    : closestKnownKey(key).map(guess -> Phrase.of("config.problem.unknown-key.guess", key, guess, known))
                            .orElseGet(() -> Phrase.of("config.problem.unknown-key", key, known));
            problems.report(entry.getValue().getKeyNode(), childPath(key), null, message);
        }
    }

    private Optional<String> closestKnownKey(String unknown) {
        String normalizedUnknown = normalize(unknown);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String known : knownKeys) {
            if (normalize(known).equals(normalizedUnknown)) {
                return Optional.of(known);
            }
            int distance = editDistance(unknown.toLowerCase(Locale.ROOT), known);
            if (distance < bestDistance) {
                best = known;
                bestDistance = distance;
            }
        }
        // Two edits catch most typos without suggesting unrelated short keys.
        int tolerated = Math.min(2, Math.max(1, unknown.length() / 3));
        return bestDistance <= tolerated ? Optional.of(best) : Optional.empty();
    }

    // "maxUsers", "max_users" and "MaxUsers" all mean "max-users".
    private static String normalize(String key) {
        return key.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private Node keyNodeOr(String key, Node fallback) {
        NodeTuple entry = entries.get(key);
        return entry != null ? entry.getKeyNode() : fallback;
    }

    private String childPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
