package org.majordome.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.majordome.api.DurationText;
import org.majordome.text.Phrase;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * One value of a configuration file (a scalar, list or mapping) at a known key path, converted to Java types
 * with every mistake reported to a shared {@link ConfigProblems} at the value's line and column.
 *
 * <p>Every {@code asX()} method returns the converted value, or empty after reporting why it could not be
 * converted; it never throws. A value whose {@code ${VAR}} expansion already failed converts to empty without a
 * second report. Plugins get their values through {@link ConfigReader}, which hands out {@code ConfigValue}s.
 */
public final class ConfigValue {

    /** Converts scalar text; any exception means "not a valid value" and is reported as such. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(String text) throws Exception;
    }

    private final ConfigProblems problems;
    private final String path;
    private final Node node;

    /**
     * @param problems where problems go
     * @param path     this value's key path, e.g. {@code plugins.moderation.banned-words[2]}
     * @param node     the node, as composed by snakeyaml-engine (with marks)
     */
    public ConfigValue(ConfigProblems problems, String path, Node node) {
        this.problems = Objects.requireNonNull(problems, "problems");
        this.path = Objects.requireNonNull(path, "path");
        this.node = Objects.requireNonNull(node, "node");
    }

    public String path() {
        return path;
    }

    public Node node() {
        return node;
    }

    /** Written as nothing, {@code ~} or {@code null}. */
    public boolean isNull() {
        return node instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag());
    }

    /** Any non-null scalar, as written. */
    public Optional<String> asString() {
        return scalarText(Phrase.of("config.expected.string"));
    }

    /** A scalar with at least one non-blank character. */
    public Optional<String> asNonBlankString() {
        return as(Phrase.of("config.expected.non-empty-string"), text -> {
            if (text.isBlank()) {
                throw new IllegalArgumentException("blank");
            }
            return text;
        });
    }

    /** A whole number within {@code [min, max]}. */
    public Optional<Integer> asInt(int min, int max) {
        Phrase expected = max == Integer.MAX_VALUE ? Phrase.of("config.expected.whole-number-from", String.valueOf(min))
                : Phrase.of("config.expected.whole-number-between", String.valueOf(min), String.valueOf(max));
        return as(expected, text -> {
            int number = Integer.parseInt(text.strip().replace("_", ""));
            if (number < min || number > max) {
                throw new IllegalArgumentException("out of range");
            }
            return number;
        });
    }

    /** {@code true} or {@code false}, in any case. */
    public Optional<Boolean> asBoolean() {
        return as(Phrase.of("config.expected.boolean"), text -> switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("not a boolean");
        });
    }

    /** A positive duration: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}, {@code 1h30m}, {@code PT1M}. */
    public Optional<Duration> asDuration() {
        return as(Phrase.of("config.expected.duration"), text -> DurationText.parse(text)
                .filter(duration -> duration.isPositive())
                .orElseThrow());
    }

    /**
     * One of the constants of an enum, written in kebab case ({@code IF_POSSIBLE} is {@code if-possible}),
     * in any case.
     */
    public <E extends Enum<E>> Optional<E> asEnum(Class<E> type) {
        E[] constants = type.getEnumConstants();
        String allowed = Arrays.stream(constants).map(ConfigValue::kebab).collect(Collectors.joining(", "));
        return as(Phrase.of("config.expected.one-of", allowed), text -> {
            String wanted = text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
            return Arrays.stream(constants).filter(constant -> kebab(constant).equals(wanted)).findFirst().orElseThrow();
        });
    }

    /** A bare JID with a local part ({@code name@domain}), as users and rooms have. */
    public Optional<EntityBareJid> asEntityBareJid() {
        return as(Phrase.of("config.expected.bare-jid"), text -> {
            // jxmpp silently drops a resource and accepts spaces in domains: a config file wants neither.
            boolean oneAt = text.indexOf('@') >= 0 && text.indexOf('@') == text.lastIndexOf('@');
            if (!oneAt || text.indexOf('/') >= 0 || text.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("not a bare JID");
            }
            return JidCreate.entityBareFrom(text);
        });
    }

    /** A room nickname (an XMPP resourcepart). */
    public Optional<Resourcepart> asNickname() {
        return as(Phrase.of("config.expected.nickname"), text -> {
            if (text.isBlank()) {
                throw new IllegalArgumentException("blank");
            }
            return Resourcepart.from(text);
        });
    }

    /** A path, relative ones resolved against the configuration file's directory. */
    public Optional<Path> asPath() {
        return as(Phrase.of("config.expected.path"), text -> {
            if (text.isBlank()) {
                throw new IllegalArgumentException("blank");
            }
            return problems.baseDirectory().resolve(text).normalize();
        });
    }

    /** A path to an existing, readable regular file. */
    public Optional<Path> asReadableFile() {
        return asPath().filter(file -> {
            if (!Files.isRegularFile(file)) {
                reportProblem(Phrase.of("config.problem.no-such-file", file.toString()), false);
                return false;
            }
            if (!Files.isReadable(file)) {
                reportProblem(Phrase.of("config.problem.unreadable-file", file.toString()), false);
                return false;
            }
            return true;
        });
    }

    /**
     * A password or token: either a string (typically {@code ${SOME_VARIABLE}}, expanded when the file was
     * loaded) or a mapping {@code {file: path}} naming a file holding it (trailing line breaks dropped). Problems
     * never show the secret's text.
     */
    public Optional<Secret> asSecret() {
        if (isExpansionFailed()) {
            return Optional.empty();
        }
        if (node instanceof ScalarNode scalar && !isNull()) {
            String origin = EnvironmentExpansion.variableOf(node)
                    .map(variable -> "environment variable " + variable)
                    .orElse("key " + path);
            return Optional.of(new Secret(scalar.getValue(), origin));
        }
        if (node instanceof MappingNode) {
            return asSection().flatMap(section -> {
                Optional<Path> file = section.required("file").flatMap(ConfigValue::asPath);
                section.rejectUnknownKeys();
                return file.flatMap(this::readSecretFile);
            });
        }
        reportWrongKind(Phrase.of("config.expected.secret"));
        return Optional.empty();
    }

    private Optional<Secret> readSecretFile(Path file) {
        String where = path + ".file";
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return Optional.of(new Secret(text.replaceAll("[\\r\\n]+$", ""), "file " + file));
        } catch (NoSuchFileException missing) {
            problems.report(node, where, null, Phrase.of("config.problem.no-secret-file", file.toString()));
        } catch (AccessDeniedException denied) {
            problems.report(node, where, null, Phrase.of("config.problem.secret-file-denied", file.toString()));
        } catch (IOException unreadable) {
            problems.report(node, where, null, Phrase.of("config.problem.secret-file-unreadable", file.toString(),
                    String.valueOf(unreadable.getMessage())));
        }
        return Optional.empty();
    }

    /**
     * Any scalar converted by a parser.
     *
     * @param expected what a valid value is, for the message ("a time zone such as Europe/Paris")
     * @param parser   the conversion; any exception it throws is reported as "expected ..., got '...'"
     */
    public <T> Optional<T> as(String expected, Parser<T> parser) {
        return as(Phrase.of("config.problem.as-written", expected), parser);
    }

    /** {@link #as(String, Parser)} with what a valid value is as a text of the runtime's bundle. */
    public <T> Optional<T> as(Phrase expected, Parser<T> parser) {
        Optional<String> text = scalarText(expected);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Objects.requireNonNull(parser.parse(text.get()), "parser result"));
        } catch (Exception invalid) {
            reportInvalid(expected);
            return Optional.empty();
        }
    }

    /** A mapping, read key by key. */
    public Optional<ConfigReader> asSection() {
        if (isExpansionFailed()) {
            return Optional.empty();
        }
        if (node instanceof MappingNode mapping) {
            return Optional.of(new ConfigReader(problems, path, mapping));
        }
        reportWrongKind(Phrase.of("config.expected.mapping"));
        return Optional.empty();
    }

    /** A list; its items' paths are {@code path[0]}, {@code path[1]}... A single scalar is not a list. */
    public Optional<List<ConfigValue>> asList() {
        if (isExpansionFailed()) {
            return Optional.empty();
        }
        if (node instanceof SequenceNode sequence) {
            List<ConfigValue> items = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                items.add(new ConfigValue(problems, path + "[" + items.size() + "]", item));
            }
            return Optional.of(items);
        }
        reportWrongKind(Phrase.of("config.expected.list"));
        return Optional.empty();
    }

    /** A list whose items are each converted; items that fail are reported and left out. */
    public <T> Optional<List<T>> asListOf(Function<ConfigValue, Optional<T>> item) {
        return asList().map(items -> items.stream().map(item).flatMap(Optional::stream).toList());
    }

    /** Reports that this value, though well-formed, is wrong ("already listed at line 3"); shows the value. */
    public void reportInvalid(String expected) {
        reportInvalid(Phrase.of("config.problem.as-written", expected));
    }

    /** {@link #reportInvalid(String)} with what was expected as a text of the runtime's bundle. */
    public void reportInvalid(Phrase expected) {
        reportProblem(Phrase.of("config.problem.expected", expected), true);
    }

    /**
     * Reports a problem at this value.
     *
     * @param showValue whether to show the value: as written in the file (before {@code ${VAR}} expansion), and
     *                  masked when its key names a secret (password, token, secret, key)
     */
    public void reportProblem(String message, boolean showValue) {
        reportProblem(Phrase.of("config.problem.as-written", message), showValue);
    }

    /** {@link #reportProblem(String, boolean)} as a text of the runtime's bundle, worded in the reader's language. */
    public void reportProblem(Phrase message, boolean showValue) {
        problems.report(node, path, showValue ? shownText() : null, message);
    }

    private Optional<String> scalarText(Phrase expected) {
        if (isExpansionFailed()) {
            return Optional.empty();
        }
        if (node instanceof ScalarNode scalar && !isNull()) {
            return Optional.of(scalar.getValue());
        }
        reportWrongKind(expected);
        return Optional.empty();
    }

    private void reportWrongKind(Phrase expected) {
        String actual = switch (node) {
            case SequenceNode ignored -> "list";
            case MappingNode ignored -> "mapping";
            default -> isNull() ? "nothing" : null;
        };
        if (actual == null) {
            reportInvalid(expected);
        } else {
            problems.report(node, path, null, Phrase.of("config.problem.expected-kind", expected,
                    Phrase.of("config.kind." + actual)));
        }
    }

    private String shownText() {
        if (!(node instanceof ScalarNode scalar)) {
            return null;
        }
        return isSecretPath() ? ConfigProblem.MASK : EnvironmentExpansion.writtenText(node).orElse(scalar.getValue());
    }

    // A value read with asSecret() is masked, but so is anything under a key that names a secret, so that a
    // secret written where a number was expected (or read by a careless plugin) is not printed either.
    private boolean isSecretPath() {
        String lastKey = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return lastKey.contains("password") || lastKey.contains("secret") || lastKey.contains("token")
                || lastKey.equals("key") || lastKey.endsWith("-key");
    }

    private boolean isExpansionFailed() {
        return EnvironmentExpansion.hasFailed(node);
    }

    static String kebab(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
