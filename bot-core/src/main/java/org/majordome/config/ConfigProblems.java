package org.majordome.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.majordome.text.Phrase;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Collects the problems found while reading one configuration file, so that all of them are reported
 * together instead of one per run, and the warnings (valid configuration that can never apply), which do not
 * make the file invalid.
 *
 * <p>Also knows the file itself: relative paths in the file are resolved against its directory.
 */
public final class ConfigProblems {

    private static final Comparator<ConfigProblem> IN_FILE_ORDER =
            Comparator.comparingInt(ConfigProblem::line).thenComparingInt(ConfigProblem::column);

    private final Path file;
    private final List<ConfigProblem> problems = new ArrayList<>();
    private final List<ConfigProblem> warnings = new ArrayList<>();
    /** The file's {@code runtime.language}, once read: its problems are reported in it. */
    private Locale language;

    /** @param file the file being read, as the user named it (it is printed as given) */
    public ConfigProblems(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    public Path file() {
        return file;
    }

    /** The directory relative paths in the file are relative to. */
    public Path baseDirectory() {
        Path parent = file.toAbsolutePath().normalize().getParent();
        return parent != null ? parent : file.toAbsolutePath().getRoot();
    }

    /**
     * Records a problem at a node.
     *
     * @param where   the node the problem is about (its start is the reported line and column)
     * @param key     the key path
     * @param value   the offending text, already masked if secret, or {@code null}
     * @param message what was expected
     */
    public void report(Node where, String key, String value, String message) {
        Optional<Mark> mark = where == null ? Optional.empty() : where.getStartMark();
        report(mark, key, value, message);
    }

    void report(Optional<Mark> mark, String key, String value, String message) {
        report(mark, key, value, Phrase.of("config.problem.as-written", message));
    }

    /**
     * Records a problem at a node, as a text of the runtime's bundle ({@code config.*}) worded in the reader's
     * language.
     */
    public void report(Node where, String key, String value, Phrase text) {
        report(where == null ? Optional.empty() : where.getStartMark(), key, value, text);
    }

    private void report(Optional<Mark> mark, String key, String value, Phrase text) {
        int line = mark.map(m -> m.getLine() + 1).orElse(0);
        int column = mark.map(m -> m.getColumn() + 1).orElse(0);
        problems.add(new ConfigProblem(file, line, column, key, value, text));
    }

    /** The file's {@code runtime.language}, read: its report is written in it (else in English). */
    void language(Locale language) {
        this.language = language;
    }

    /** Records a problem about the whole document at a 1-based line and column the parser did not mark. */
    void reportAt(int line, int column, String message) {
        problems.add(new ConfigProblem(file, line, column, "", null, message));
    }

    /** Records a problem about the file as a whole (missing, unreadable, empty). */
    public void reportFile(String message) {
        problems.add(new ConfigProblem(file, 0, 0, "", null, message));
    }

    /** {@link #reportFile(String)} as a text of the runtime's bundle. */
    void reportFile(Phrase message) {
        problems.add(new ConfigProblem(file, 0, 0, "", null, message));
    }

    /**
     * Records a warning at a node: configuration that is valid but can never apply (a plugin's section for a room
     * where the plugin is not enabled). Warnings are reported like problems but do not make the file invalid.
     */
    void warn(Node where, String key, Phrase message) {
        Optional<Mark> mark = where == null ? Optional.empty() : where.getStartMark();
        warnings.add(new ConfigProblem(file, mark.map(m -> m.getLine() + 1).orElse(0),
                mark.map(m -> m.getColumn() + 1).orElse(0), key, null, message));
    }

    /** The warnings so far, in file order. */
    public List<ConfigProblem> warnings() {
        return warnings.stream().sorted(IN_FILE_ORDER).toList();
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** The problems so far, in file order (whole-file problems first). */
    public List<ConfigProblem> all() {
        return problems.stream().sorted(IN_FILE_ORDER).toList();
    }

    /** Ends a reading: throws if anything was reported. */
    public void throwIfAny() throws ConfigException {
        if (!problems.isEmpty()) {
            throw new ConfigException(file, all(), language);
        }
    }
}
