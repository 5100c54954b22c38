package org.majordome.console;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.majordome.api.text.Wording;
import org.majordome.config.ConfigProblem;
import org.majordome.config.PluginSection;
import org.majordome.config.Secret;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The effective configuration as nested definition lists, read from the typed records themselves, so that a new
 * setting shows up without a change here. No secret reaches the page: a {@link Secret} shows as its mask and where
 * it came from; in plugin sections (plain YAML) every value under a key that names a password, secret, token, key
 * or credential is masked; and a password written inside any text (a JDBC URL's {@code password=}, a URL's
 * {@code user:password@}) is masked too.
 */
final class ConfigView {

    /** Record components not worth showing: the file's warnings are the reload report's business. */
    private static final Set<String> SKIPPED = Set.of("warnings");
    private static final Pattern SENSITIVE_KEY = Pattern.compile("(?i).*(pass|secret|token|key|credential|auth).*");
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)((?:password|passwd|pwd|secret|token)=)"
            + "[^&;\\s]*");
    private static final Pattern URL_USER_INFO = Pattern.compile("(://[^/@\\s:]*):[^/@\\s]*@");
    private static final int MAX_DEPTH = 12;

    private ConfigView() {
    }

    /** @param words the operator's language, for what stands in for an empty value */
    static Html render(Object value, Wording words) {
        return render(value, 0, words);
    }

    private static Html render(Object value, int depth, Wording words) {
        if (depth > MAX_DEPTH) {
            return Html.text("…");
        }
        return switch (value) {
            case null -> Html.text(words.format("console.none"));
            case Secret secret -> Html.format("<span class=\"secret\">{}</span> {}", ConfigProblem.MASK,
                    words.format("console.secret-from", masked(secret.origin())));
            case Optional<?> optional -> optional.isEmpty() ? Html.text(words.format("console.not-set")) : render(optional.get(), depth, words);
            case PluginSection section -> yaml(section.node(), depth + 1);
            case Node node -> yaml(node, depth + 1);
            case Record record -> record(record, depth, words);
            case Map<?, ?> map -> map.isEmpty() ? Html.text(words.format("console.none")) : Html.format("<dl>{}</dl>", Html.of(
                    map.entrySet().stream().map(entry -> Html.format("<dt>{}</dt><dd>{}</dd>",
                            masked(String.valueOf(entry.getKey())), render(entry.getValue(), depth + 1, words))).toList()));
            case Collection<?> items -> items.isEmpty() ? Html.text(words.format("console.none")) : Html.format("<ul>{}</ul>", Html.of(
                    items.stream().map(item -> Html.format("<li>{}</li>", render(item, depth + 1, words))).toList()));
            default -> Html.text(masked(String.valueOf(value)));
        };
    }

    private static Html record(Record record, int depth, Wording words) {
        List<Html> entries = new java.util.ArrayList<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (SKIPPED.contains(component.getName())) {
                continue;
            }
            Object value;
            try {
                value = component.getAccessor().invoke(record);
            } catch (ReflectiveOperationException | RuntimeException unreadable) {
                // A component the page cannot read is left out rather than failing the whole page.
                continue;
            }
            entries.add(Html.format("<dt>{}</dt><dd>{}</dd>", kebab(component.getName()), render(value, depth + 1, words)));
        }
        return Html.format("<dl>{}</dl>", Html.of(entries));
    }

    /** A plugin section's YAML, masked by key. */
    private static Html yaml(Node node, int depth) {
        if (depth > MAX_DEPTH) {
            return Html.text("…");
        }
        return switch (node) {
            case ScalarNode scalar -> Html.text(masked(scalar.getValue()));
            case SequenceNode sequence -> sequence.getValue().isEmpty() ? Html.text("[]") : Html.format("<ul>{}</ul>",
                    Html.of(sequence.getValue().stream().map(item -> Html.format("<li>{}</li>", yaml(item, depth + 1)))
                            .toList()));
            case MappingNode mapping -> mapping.getValue().isEmpty() ? Html.text("{}") : Html.format("<dl>{}</dl>",
                    Html.of(mapping.getValue().stream().map(ConfigView::tuple).map(pair -> Html.format(
                            "<dt>{}</dt><dd>{}</dd>", pair.key(), SENSITIVE_KEY.matcher(pair.key()).matches()
                                    ? Html.format("<span class=\"secret\">{}</span>", ConfigProblem.MASK)
                                    : yaml(pair.value(), depth + 1))).toList()));
            default -> Html.text("?");
        };
    }

    private record Pair(String key, Node value) {
    }

    private static Pair tuple(NodeTuple tuple) {
        String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "?";
        return new Pair(masked(key), tuple.getValueNode());
    }

    /** Text with any password written inside it masked. */
    static String masked(String text) {
        String once = PASSWORD_PARAMETER.matcher(text).replaceAll("$1" + ConfigProblem.MASK);
        return URL_USER_INFO.matcher(once).replaceAll("$1:" + ConfigProblem.MASK + "@");
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
