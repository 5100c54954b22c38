package org.majordome.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.majordome.text.Phrase;

/**
 * Prepares a composed document for reading: replaces {@code ${VAR}} in every scalar value by the variable's
 * value, and {@code ${VAR:-default}} by its value or, when it is unset or empty, the default, as the shell does
 * ({@code $${} stands for a literal {@code ${}}); reports duplicate and non-scalar keys, which the composer lets
 * through.
 *
 * <p>Done once over the whole tree, before any binding, so that plugin sections are expanded too and a plugin
 * never sees the environment. A scalar whose expansion failed is marked, and readers skip it silently: its
 * problem is already reported.
 */
final class EnvironmentExpansion {

    private static final String FAILED = "majordome.expansion-failed";
    private static final String VARIABLE = "majordome.whole-value-from-variable";
    private static final String WRITTEN = "majordome.written-text";
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Map<String, String> environment;
    private final ConfigProblems problems;
    private final Map<Node, Node> expanded = new IdentityHashMap<>();
    private final Set<Node> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());

    EnvironmentExpansion(Map<String, String> environment, ConfigProblems problems) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.problems = Objects.requireNonNull(problems, "problems");
    }

    static boolean hasFailed(Node node) {
        return Boolean.TRUE.equals(node.getProperty(FAILED));
    }

    /** The variable a scalar's whole value came from, when it was written as just {@code ${VAR}}. */
    static Optional<String> variableOf(Node node) {
        return Optional.ofNullable((String) node.getProperty(VARIABLE));
    }

    /**
     * The text as written in the file, before expansion: what problems show, so that no variable's value
     * (possibly a secret used in the wrong place) is ever printed.
     */
    static Optional<String> writtenText(Node node) {
        return Optional.ofNullable((String) node.getProperty(WRITTEN));
    }

    Node expand(Node node, String path) {
        Node done = expanded.get(node);
        if (done != null) {
            // An alias of a node already expanded: share the copy, as the document shares the node.
            return done;
        }
        if (!inProgress.add(node)) {
            problems.report(node, path, null, Phrase.of("config.problem.recursive-alias"));
            return failed(new ScalarNode(Tag.NULL, "", ScalarStyle.PLAIN));
        }
        Node copy = switch (node) {
            case ScalarNode scalar -> expandScalar(scalar, path);
            case SequenceNode sequence -> expandSequence(sequence, path);
            case MappingNode mapping -> expandMapping(mapping, path);
            default -> node;
        };
        inProgress.remove(node);
        expanded.put(node, copy);
        return copy;
    }

    private Node expandSequence(SequenceNode sequence, String path) {
        List<Node> items = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            items.add(expand(item, path + "[" + items.size() + "]"));
        }
        return new SequenceNode(sequence.getTag(), true, items, sequence.getFlowStyle(), sequence.getStartMark(),
                sequence.getEndMark());
    }

    private Node expandMapping(MappingNode mapping, String path) {
        List<NodeTuple> entries = new ArrayList<>();
        Map<String, Node> seenKeys = new HashMap<>();
        for (NodeTuple entry : mapping.getValue()) {
            if (!(entry.getKeyNode() instanceof ScalarNode keyNode) || Tag.NULL.equals(keyNode.getTag())) {
                problems.report(entry.getKeyNode(), path, null, Phrase.of("config.problem.complex-key"));
                continue;
            }
            String key = keyNode.getValue();
            String keyPath = path.isEmpty() ? key : path + "." + key;
            Node first = seenKeys.putIfAbsent(key, keyNode);
            if (first != null) {
                int firstLine = first.getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
                problems.report(keyNode, keyPath, null, Phrase.of("config.problem.duplicate-key", key, String.valueOf(firstLine)));
                continue;
            }
            entries.add(new NodeTuple(keyNode, expand(entry.getValueNode(), keyPath)));
        }
        return new MappingNode(mapping.getTag(), true, entries, mapping.getFlowStyle(), mapping.getStartMark(),
                mapping.getEndMark());
    }

    private Node expandScalar(ScalarNode scalar, String path) {
        String text = scalar.getValue();
        if (!text.contains("${")) {
            return scalar;
        }
        StringBuilder result = new StringBuilder();
        List<String> variables = new ArrayList<>();
        boolean failed = false;
        int index = 0;
        while (index < text.length()) {
            if (text.startsWith("$${", index)) {
                result.append("${");
                index += 3;
            } else if (text.startsWith("${", index)) {
                int end = text.indexOf('}', index + 2);
                if (end < 0) {
                    problems.report(scalar, path, null, Phrase.of("config.problem.unterminated-variable", "${", "$${"));
                    failed = true;
                    break;
                }
                String reference = text.substring(index + 2, end);
                // ${NAME:-default}, as in the shell: the default when NAME is unset or empty.
                int defaultAt = reference.indexOf(":-");
                String name = defaultAt < 0 ? reference : reference.substring(0, defaultAt);
                String value = VARIABLE_NAME.matcher(name).matches() ? environment.get(name) : null;
                if (defaultAt >= 0 && (value == null || value.isEmpty())) {
                    value = reference.substring(defaultAt + 2);
                }
                if (!VARIABLE_NAME.matcher(name).matches()) {
                    problems.report(scalar, path, null, Phrase.of("config.problem.bad-variable", "${" + reference + "}",
                            "$${", "${"));
                    failed = true;
                } else if (value == null) {
                    problems.report(scalar, path, null, Phrase.of("config.problem.variable-not-set", name));
                    failed = true;
                } else {
                    result.append(value);
                    variables.add(name);
                }
                index = end + 1;
            } else {
                result.append(text.charAt(index));
                index++;
            }
        }
        if (failed) {
            return failed(scalar);
        }
        // Expanded text is data, never YAML: "${PORT}" holding "~" is the string "~", not null.
        ScalarNode copy = new ScalarNode(Tag.STR, true, result.toString(), scalar.getScalarStyle(),
                scalar.getStartMark(), scalar.getEndMark());
        copy.setProperty(WRITTEN, text);
        if (variables.size() == 1 && text.equals("${" + variables.getFirst() + "}")) {
            copy.setProperty(VARIABLE, variables.getFirst());
        }
        return copy;
    }

    private static Node failed(Node node) {
        node.setProperty(FAILED, Boolean.TRUE);
        return node;
    }
}
