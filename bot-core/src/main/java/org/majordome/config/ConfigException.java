package org.majordome.config;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.majordome.api.text.Wording;
import org.majordome.text.TextService;

/**
 * A configuration file could not be used. Carries every problem found, not only the first, so that one run
 * of {@code check-config} is enough to fix a file; {@link #getMessage()} is the ready-to-print report in English (for
 * the log), {@link #report(Wording)} the same in a reader's language.
 */
public final class ConfigException extends Exception {

    private final Path file;
    private final transient List<ConfigProblem> problems;
    private final Locale language;

    /**
     * @param file     the file the problems are in
     * @param problems at least one problem, in the order to report them
     */
    public ConfigException(Path file, List<ConfigProblem> problems) {
        this(file, problems, null);
    }

    /**
     * @param language the file's {@code runtime.language}, when it could be read; null otherwise
     */
    public ConfigException(Path file, List<ConfigProblem> problems, Locale language) {
        super(report(file, problems, TextService.runtimeWording(Locale.ENGLISH, ZoneOffset.UTC)));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        this.file = file;
        this.problems = List.copyOf(problems);
        this.language = language;
    }

    public Path file() {
        return file;
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    /** The language the file itself asks for ({@code runtime.language}), when it could be read. */
    public Optional<Locale> language() {
        return Optional.ofNullable(language);
    }

    /** The report in a language: a heading, then one line per problem. */
    public String report(Wording words) {
        return report(file, problems, words);
    }

    private static String report(Path file, List<ConfigProblem> problems, Wording words) {
        StringBuilder text = new StringBuilder(words.format("config.report.heading", problems.size(), file.toString()));
        for (ConfigProblem problem : problems) {
            text.append(System.lineSeparator()).append("  ").append(problem.format(words));
        }
        return text.toString();
    }
}
