package org.majordome.config;

import java.nio.file.Path;
import java.util.List;

/**
 * A configuration file could not be used. Carries every problem found, not only the first, so that one run
 * of {@code check-config} is enough to fix a file; {@link #getMessage()} is the ready-to-print report.
 */
public final class ConfigException extends Exception {

    private final Path file;
    private final transient List<ConfigProblem> problems;

    /**
     * @param file     the file the problems are in
     * @param problems at least one problem, in the order to report them
     */
    public ConfigException(Path file, List<ConfigProblem> problems) {
        super(report(file, problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    public Path file() {
        return file;
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String report(Path file, List<ConfigProblem> problems) {
        StringBuilder text = new StringBuilder();
        text.append(problems.size()).append(problems.size() == 1 ? " problem in " : " problems in ")
                .append(file).append(':');
        for (ConfigProblem problem : problems) {
            text.append(System.lineSeparator()).append("  ").append(problem.format());
        }
        return text.toString();
    }
}
